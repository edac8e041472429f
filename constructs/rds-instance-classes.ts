/**
 * RDS instance classes this platform supports, and PostgreSQL's default `max_connections` on each.
 *
 * RDS sets `max_connections = LEAST({DBInstanceClassMemory/9531392}, 5000)` in `default.postgres15`
 * (Amazon RDS User Guide, "Quotas and constraints", Maximum number of database connections).
 * `DBInstanceClassMemory` is the class's memory minus what RDS keeps for the OS, a few hundred MiB that AWS does not
 * publish (db.t2.medium reports 413 instead of 450), so the value computed here from the nominal memory is an upper
 * bound; consumers keep headroom below it.
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

const BYTES_PER_CONNECTION = 9531392;

/**
 * Connections application roles can never use: `superuser_reserved_connections` (3) plus RDS's
 * `rds.rds_superuser_reserved_connections` (2), the defaults of `default.postgres15`.
 */
export const RDS_RESERVED_CONNECTIONS = 5;
const CONNECTION_CEILING = 5000;

export const supportedInstanceClasses: readonly string[] = Object.keys(classes);

export function findInstanceClass(name: string): RdsInstanceClass | undefined {
  return Object.prototype.hasOwnProperty.call(classes, name) ? classes[name] : undefined;
}

/** Default `max_connections` of an instance class; throws for a class this platform does not know. */
export function maxConnectionsFor(instanceClass: string): number {
  const found = findInstanceClass(instanceClass);
  if (!found) {
    throw new Error(
      `database.instanceClass: "${instanceClass}" is not a supported RDS instance class; allowed: ${supportedInstanceClasses.join(', ')}`,
    );
  }
  return Math.min(Math.floor((found.memoryGiB * 1024 ** 3) / BYTES_PER_CONNECTION), CONNECTION_CEILING);
}
