/**
 * When an RDS change takes effect and what it costs in downtime. Sources: Amazon RDS User Guide, "Settings for DB
 * instances" (USER_ModifyInstance.Settings: per setting, whether it waits for the maintenance window and whether an
 * outage occurs) and "Using the schedule modifications setting" (without apply immediately, changes wait in the
 * pending-modifications queue for the next maintenance window); "Working with DB parameter groups" (static
 * parameters and a newly associated group take effect only after a reboot, which Terraform never does).
 */
import { connectionCapacity, findInstanceClass } from '../constructs/rds-instance-classes';
import { blocksOf } from '../synth/synthesized-environment';
import type { Block, TerraformJson } from '../synth/terraform-json';
import { code } from './markdown';
import type { Lasting, Note, Severity } from './note';
import type { PlannedChange, PlannedLeaf } from './planned-change';

interface SettingEffect {
  readonly severity: Severity;
  /** What happens, given whether the instance is Multi-AZ. */
  readonly effect: (multiAz: boolean) => string;
  /** Applied at once whatever `apply_immediately` says. */
  readonly immediate?: boolean;
}

const effects: Readonly<Record<string, SettingEffect>> = {
  instance_class: {
    severity: 'outage',
    effect: (multiAz) =>
      multiAz
        ? 'an outage while the standby is switched over (a Multi-AZ failover, usually a minute or two)'
        : 'an outage: the single-AZ instance is unavailable while it restarts on the new class (typically several minutes)',
  },
  engine_version: {
    severity: 'outage',
    effect: () => 'an outage while the engine is upgraded and restarted',
  },
  storage_type: {
    severity: 'caution',
    effect: () => 'possibly a brief outage as it starts; performance can degrade while storage is optimized',
  },
  allocated_storage: {
    severity: 'info',
    effect: () =>
      'no outage; performance can degrade while storage is optimized, and storage cannot change again for 6 hours',
  },
  iops: { severity: 'info', effect: () => 'no outage' },
  storage_throughput: { severity: 'info', effect: () => 'no outage' },
  multi_az: {
    severity: 'info',
    effect: () => 'no outage; performance can drop while the standby is created',
  },
  ca_cert_identifier: {
    severity: 'outage',
    effect: () => 'an outage: the instance restarts to load the new certificate',
  },
  parameter_group_name: {
    severity: 'caution',
    effect: () =>
      'no outage, but the new group applies only after a reboot — Terraform does not reboot: schedule one',
  },
  port: {
    severity: 'outage',
    immediate: true,
    effect: () =>
      'an outage at once (the instance restarts whatever `apply_immediately` says); clients must use the new port',
  },
  identifier: {
    severity: 'caution',
    effect: () => 'the endpoint name changes: PgBouncer must reach the new address',
  },
};

/** An outage lasts while the instance restarts, in the maintenance window unless it applies at deploy. */
const outageLasts = (db: Block, setting: SettingEffect): Lasting =>
  setting.immediate || db.apply_immediately === true
    ? 'minutes at deploy'
    : 'minutes in the maintenance window';

function when(db: Block, setting: SettingEffect): string {
  if (setting.immediate || db.apply_immediately === true) return 'at `cdktf deploy`';
  return `in the next maintenance window ${code(String(db.maintenance_window ?? 'of the instance'))} (UTC), not at deploy (\`apply_immediately\` is off)`;
}

const topChanged = (leaves: readonly PlannedLeaf[]) => [
  ...new Set(leaves.filter((l) => !l.meta).map((l) => String(l.path[0]))),
];

/** A backup retention change to or from 0 restarts the instance (automated backups switch on or off). */
function backupRetention(change: PlannedChange, db: Block): Note | undefined {
  const leaf = change.leaves.find((l) => l.path[0] === 'backup_retention_period');
  if (!leaf || (leaf.before !== 0 && leaf.after !== 0)) return undefined;
  return {
    severity: 'outage',
    address: change.address,
    lasts: outageLasts(db, effects.instance_class),
    text: `\`backup_retention_period\` to or from 0 applies ${when(db, effects.instance_class)} with an outage (the instance restarts)`,
  };
}

/**
 * `max_connections` after a class change: the pinned value stays (validation keeps it within the new class), and
 * the note says how much room the new class has; without a pinned value it follows memory.
 */
function maxConnections(change: PlannedChange, head: TerraformJson | undefined): Note | undefined {
  const leaf = change.leaves.find((l) => l.path[0] === 'instance_class');
  const known = (c: unknown): c is string => typeof c === 'string' && findInstanceClass(c) !== undefined;
  if (!leaf || !known(leaf.before) || !known(leaf.after)) return undefined;
  const pinned = blocksOf(head ?? {}, ['aws_db_parameter_group'])
    .flatMap(([, group]) => (group.parameter ?? []) as Block[])
    .find((p) => p.name === 'max_connections')?.value;
  const [before, after] = [leaf.before, leaf.after].map((c) => connectionCapacity(c).maxConnections);
  return {
    severity: 'info',
    address: change.address,
    text:
      pinned !== undefined
        ? `\`max_connections\` stays ${String(pinned)} (pinned in the parameter group); the class holds up to ${before} → ${after}`
        : `\`max_connections\` follows memory: ${before} → ${after} (RDS default formula); re-check PgBouncer's pools against it`,
  };
}

/** Timing and downtime of an updated RDS instance. */
function instanceNotes(change: PlannedChange, head: TerraformJson | undefined): Note[] {
  const db = change.head ?? {};
  const settings = topChanged(change.leaves).filter((name) => effects[name]);
  const notes: Note[] = settings.map((name) => ({
    severity: effects[name].severity,
    ...(effects[name].severity === 'outage' ? { lasts: outageLasts(db, effects[name]) } : {}),
    address: change.address,
    text: `${code(name)} applies ${when(db, effects[name])}, with ${effects[name].effect(db.multi_az === true)}`,
  }));
  return [backupRetention(change, db), maxConnections(change, head), ...notes].filter((n): n is Note => !!n);
}

interface Parameter {
  readonly name: string;
  readonly value: string;
  readonly apply_method?: string;
}

const parametersOf = (block?: Block) =>
  new Map(((block?.parameter ?? []) as Parameter[]).map((p) => [p.name, p]));

/** Timing of changed parameters: dynamic ones apply at once, static ones (pending-reboot) at the next reboot. */
function parameterNotes(change: PlannedChange): Note[] {
  const [before, after] = [parametersOf(change.base), parametersOf(change.head)];
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((name) => JSON.stringify(before.get(name)) !== JSON.stringify(after.get(name)))
    .map((name) => {
      const [b, a] = [before.get(name), after.get(name)];
      const reboot = (a ?? b)?.apply_method === 'pending-reboot';
      return {
        severity: reboot ? 'caution' : 'info',
        address: change.address,
        text:
          `parameter ${code(name)}: ${code(b?.value ?? '(default)')} → ${code(a?.value ?? '(default)')} ` +
          (reboot
            ? 'takes effect only at the next reboot of the instance — Terraform does not reboot: schedule one'
            : 'applies at once, without a restart'),
      };
    });
}

/** Timing and downtime notes of the RDS changes in an environment. */
export function rdsTimingNotes(changes: readonly PlannedChange[], head?: TerraformJson): Note[] {
  return changes.flatMap((change) => {
    if (change.action !== 'update') return [];
    if (change.type === 'aws_db_instance') return instanceNotes(change, head);
    if (change.type === 'aws_db_parameter_group') return parameterNotes(change);
    return [];
  });
}
