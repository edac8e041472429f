/**
 * RDS instance classes this platform supports, and how many PostgreSQL connections each can hold.
 *
 * RDS's default is `max_connections = LEAST({DBInstanceClassMemory/9531392}, 5000)` (`default.postgres15`; Amazon RDS
 * User Guide, "Quotas and constraints", Maximum number of database connections). DBInstanceClassMemory is the
 * class's memory minus what RDS keeps for the operating system and its own processes, a figure AWS does not publish.
 * Defaults read on real instances (gist guizmaii/1cacffef793c2ba9645083c3e18b3d8c: db.t2.small 198, db.t2.medium
 * 413, db.t2.large and db.m4.large 856, db.r4.large 1660) put that reserve at 249–530 MiB, so the nominal memory
 * overstates it. The platform counts on a conservative figure below every observed one: the nominal memory minus
 * max(384 MiB, 10 %). The parameter group pins `max_connections` at or below what that figure holds, and every
 * connection budget is checked against the pinned number.
 */

export interface RdsInstanceClass {
  readonly vcpus: number;
  readonly memoryGiB: number;
}

const classes: Readonly<Record<string, RdsInstanceClass>> = {
  'db.t3.micro': { vcpus: 2, memoryGiB: 1 },
  'db.t3.small': { vcpus: 2, memoryGiB: 2 },
  'db.t3.medium': { vcpus: 2, memoryGiB: 4 },
  'db.t3.large': { vcpus: 2, memoryGiB: 8 },
  'db.t3.xlarge': { vcpus: 4, memoryGiB: 16 },
  'db.t3.2xlarge': { vcpus: 8, memoryGiB: 32 },
  'db.t4g.micro': { vcpus: 2, memoryGiB: 1 },
  'db.t4g.small': { vcpus: 2, memoryGiB: 2 },
  'db.t4g.medium': { vcpus: 2, memoryGiB: 4 },
  'db.t4g.large': { vcpus: 2, memoryGiB: 8 },
  'db.t4g.xlarge': { vcpus: 4, memoryGiB: 16 },
  'db.t4g.2xlarge': { vcpus: 8, memoryGiB: 32 },
  'db.m6g.large': { vcpus: 2, memoryGiB: 8 },
  'db.m6g.xlarge': { vcpus: 4, memoryGiB: 16 },
  'db.m6g.2xlarge': { vcpus: 8, memoryGiB: 32 },
  'db.m6i.large': { vcpus: 2, memoryGiB: 8 },
  'db.m6i.xlarge': { vcpus: 4, memoryGiB: 16 },
  'db.m6i.2xlarge': { vcpus: 8, memoryGiB: 32 },
  'db.m7g.large': { vcpus: 2, memoryGiB: 8 },
  'db.m7g.xlarge': { vcpus: 4, memoryGiB: 16 },
  'db.m7g.2xlarge': { vcpus: 8, memoryGiB: 32 },
  'db.r6g.large': { vcpus: 2, memoryGiB: 16 },
  'db.r6g.xlarge': { vcpus: 4, memoryGiB: 32 },
  'db.r6g.2xlarge': { vcpus: 8, memoryGiB: 64 },
  'db.r7g.large': { vcpus: 2, memoryGiB: 16 },
  'db.r7g.xlarge': { vcpus: 4, memoryGiB: 32 },
  'db.r7g.2xlarge': { vcpus: 8, memoryGiB: 64 },
};

/** RDS's divisor: bytes of DBInstanceClassMemory per connection in the default max_connections formula. */
export const BYTES_PER_CONNECTION = 9531392;
const CONNECTION_CEILING = 5000;
const MIB = 1024 ** 2;
/** The operating-system reserve assumed below the nominal memory: max(384 MiB, 10 %), see the header. */
const MIN_RESERVE_MIB = 384;
const RESERVE_FRACTION = 0.1;

/**
 * Connections application roles can never use: `superuser_reserved_connections` (3) plus RDS's
 * `rds.rds_superuser_reserved_connections` (2), the defaults of `default.postgres15`.
 */
export const RDS_RESERVED_CONNECTIONS = 5;

export const supportedInstanceClasses: readonly string[] = Object.keys(classes);

export function findInstanceClass(name: string): RdsInstanceClass | undefined {
  return Object.prototype.hasOwnProperty.call(classes, name) ? classes[name] : undefined;
}

/** What an instance class holds, with the arithmetic for error messages and the review report. */
export interface ConnectionCapacity {
  /** Conservative DBInstanceClassMemory in MiB: nominal memory minus the assumed reserve. */
  readonly memoryMiB: number;
  /** The most connections that memory holds by RDS's formula: the ceiling for a pinned max_connections. */
  readonly maxConnections: number;
  readonly arithmetic: string;
}

/** Connection capacity of an instance class; throws for a class this platform does not know. */
export function connectionCapacity(instanceClass: string): ConnectionCapacity {
  const found = findInstanceClass(instanceClass);
  if (!found) {
    throw new Error(
      `database.instanceClass: "${instanceClass}" is not a supported RDS instance class; allowed: ${supportedInstanceClasses.join(', ')}`,
    );
  }
  const nominalMiB = found.memoryGiB * 1024;
  const reserveMiB = Math.max(MIN_RESERVE_MIB, Math.round(nominalMiB * RESERVE_FRACTION));
  const memoryMiB = nominalMiB - reserveMiB;
  const byMemory = Math.floor((memoryMiB * MIB) / BYTES_PER_CONNECTION);
  const maxConnections = Math.min(byMemory, CONNECTION_CEILING);
  const capped = byMemory > CONNECTION_CEILING ? `, capped at ${CONNECTION_CEILING}` : '';
  return {
    memoryMiB,
    maxConnections,
    arithmetic:
      `${instanceClass}: (${nominalMiB} MiB − ${reserveMiB} MiB operating-system reserve) / ` +
      `${BYTES_PER_CONNECTION} bytes per connection = ${byMemory}${capped}`,
  };
}
