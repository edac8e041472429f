/**
 * The real outcome of destroying or replacing a resource, per type, for the verdict: a replaced R2 bucket is not
 * "a replace", it is "a new empty bucket, and the old one cannot be deleted while it holds objects".
 *
 * Sources: Terraform, `lifecycle.prevent_destroy` (the plan fails when the configuration still holds the block;
 * removing the block removes the protection); Cloudflare R2 "Delete buckets" (only an empty bucket can be deleted)
 * and the provider's delete, which calls the API without emptying (cloudflare v5.14.0
 * internal/services/r2_bucket/resource.go); cyrilgdn/postgresql v1.26.0 (DROP SCHEMA … RESTRICT unless
 * drop_cascade; a dropped role's objects are REASSIGNed to the admin and its privileges DROP OWNED); AWS KMS
 * ScheduleKeyDeletion (pending window); RDS DeleteDBInstance (refused while deletion protection is on); AWS Backup
 * DeleteBackupVault (only an empty vault; the provider empties it first only with `force_destroy`) and
 * DeleteBackupVaultLockConfiguration (refused for a compliance lock past its grace time); S3 DeleteBucket (only an
 * empty bucket, every version counted; `force_destroy` empties it first); CloudWatch log groups with `skip_destroy`
 * (hashicorp/aws: the delete only removes the group from the state).
 */
import { schemaPath } from '../synth/attribute-paths';
import { get } from '../synth/synthesized-environment';
import type { Block } from '../synth/terraform-json';
import { code, truncate } from './markdown';
import type { Lasting, Note, Severity } from './note';
import type { PlannedChange } from './planned-change';
import { restoreSource } from './restore';

type Removal = 'destroy' | 'replace';

interface Outcome {
  readonly severity: Severity;
  readonly text: string;
  /** How long users live with it. */
  readonly lasts?: Lasting;
}

/** The resource's own change and the rest of the change set (what the apply does before and after it). */
interface Context {
  readonly change: PlannedChange;
  readonly all: readonly PlannedChange[];
}

const str = (block: Block | undefined, key: string): string => String(block?.[key] ?? '?');

/**
 * A CDN custom domain: a new hostname leaves the old one's URLs broken for good; a domain removed before a bucket
 * delete that fails (the bucket holds objects) is not created again until someone finishes the apply; otherwise the
 * domain and its certificate are re-created within minutes (Cloudflare, "Connect a bucket to a custom domain").
 */
function customDomainOutcome(removal: Removal, base?: Block, head?: Block, context?: Context): Outcome {
  const domain = code(str(base, 'domain'));
  if (removal === 'destroy')
    return {
      severity: 'outage',
      lasts: 'permanent',
      text: `removes the CDN domain ${domain}: every published media URL under it stops working`,
    };
  if (head && head.domain !== base?.domain)
    return {
      severity: 'outage',
      lasts: 'permanent',
      text:
        `moves the CDN from ${domain} to ${code(str(head, 'domain'))}: the old hostname is gone for good, so every ` +
        'published media URL under it (pages, feeds, e-mails, caches, search results) breaks; only new links use the new one',
    };
  // Its bucket_name reads the bucket's name (a reference), or names it literally.
  const bucketName = String(base?.bucket_name ?? '');
  const bucket = context?.all.find(
    (c) =>
      c.type === 'cloudflare_r2_bucket' &&
      (bucketName.includes(`\${${c.address}.`) || c.base?.name === bucketName),
  );
  // The bucket's replacement blocked by prevent_destroy fails the plan: nothing is removed, so nothing is down.
  const blocked = bucket?.action === 'replace' && get(bucket.head, 'lifecycle', 'prevent_destroy') === true;
  if (bucket && (bucket.action === 'replace' || bucket.action === 'destroy'))
    return {
      severity: 'outage',
      ...(blocked ? {} : { lasts: 'until someone acts' as const }),
      text:
        (blocked ? "were the bucket's `prevent_destroy` lifted, it " : '') +
        `removes the CDN custom domain ${domain} before deleting bucket ${code(str(bucket.base, 'name'))}: that delete fails while the bucket holds objects and the apply stops there, so ` +
        `media under ${domain} is down until someone empties the old bucket and runs the apply again`,
    };
  return {
    severity: 'outage',
    lasts: 'minutes at deploy',
    text: `replaces the CDN custom domain ${domain}: media URLs fail while the domain and its certificate are re-created`,
  };
}

/** Outcomes by resource type; `base` is the deployed configuration, `head` the new one (absent on destroy). */
const outcomes: Readonly<
  Record<string, (removal: Removal, base?: Block, head?: Block, context?: Context) => Outcome>
> = {
  cloudflare_r2_bucket: (removal, base, head) => ({
    severity: 'data-loss',
    lasts: 'until someone acts',
    text:
      (removal === 'replace'
        ? `replaces bucket ${code(str(base, 'name'))} with a new, empty ${code(str(head, 'name'))}: nothing copies the objects. `
        : `deletes bucket ${code(str(base, 'name'))}. `) +
      'R2 deletes only empty buckets: while it holds objects the apply fails at that delete, after the CORS, ' +
      'lifecycle and custom domain that depend on it were already removed. Users: media is unavailable until ' +
      'someone copies the objects to the new bucket, empties the old one and runs the apply again',
  }),
  aws_db_instance: (removal, base, head) => ({
    severity: 'data-loss',
    ...(base?.deletion_protection === true
      ? {}
      : {
          lasts:
            base?.skip_final_snapshot === true ? ('permanent' as const) : ('until someone acts' as const),
        }),
    text:
      (removal === 'replace'
        ? `replaces database instance ${code(str(base, 'identifier'))}: ${restoreSource(head) ? `the new instance is restored from ${restoreSource(head)}` : 'the new instance starts empty (no snapshot is restored)'}. `
        : `deletes database instance ${code(str(base, 'identifier'))}. `) +
      (base?.deletion_protection === true
        ? 'RDS refuses while `deletion_protection` is on: the apply fails there'
        : base?.skip_final_snapshot === true
          ? 'No final snapshot is taken'
          : `A final snapshot ${code(str(base, 'final_snapshot_identifier'))} is taken first`),
  }),
  aws_kms_key: (_removal, base) => ({
    severity: 'data-loss',
    lasts: 'permanent',
    text:
      `schedules deletion of the KMS key ${code(truncate(str(base, 'description')))} in ` +
      `${base?.deletion_window_in_days ?? 30} days: what it encrypts, recovery points and copies included, becomes ` +
      'unreadable then (cancel with `aws kms cancel-key-deletion`)',
  }),
  aws_backup_vault: (removal, base) => ({
    severity: 'data-loss',
    ...(base?.force_destroy === true ? { lasts: 'permanent' as const } : {}),
    text:
      `${removal === 'replace' ? 'replaces' : 'deletes'} backup vault ${code(str(base, 'name'))}` +
      (base?.force_destroy === true
        ? ': `force_destroy` deletes every recovery point in it first'
        : ': AWS Backup deletes only an empty vault, so while it holds recovery points the apply fails there') +
      (removal === 'replace' ? '; the new vault starts empty' : ''),
  }),
  aws_backup_vault_lock_configuration: (removal, base) => ({
    severity: 'caution',
    text:
      `${removal === 'replace' ? 'removes and re-creates' : 'removes'} the lock of vault ${code(str(base, 'backup_vault_name'))}: ` +
      (base?.changeable_for_days !== undefined
        ? 'a compliance lock past its grace time cannot be removed, so the apply fails there'
        : 'until it is back, recovery points can be deleted early'),
  }),
  aws_backup_plan: (removal) => ({
    severity: removal === 'destroy' ? 'caution' : 'info',
    text:
      removal === 'destroy'
        ? 'deletes the backup plan: no more recovery points are taken (those in the vaults stay until they expire)'
        : 'replaced (recovery points in the vaults stay)',
  }),
  aws_backup_selection: (removal) => ({
    severity: removal === 'destroy' ? 'caution' : 'info',
    text:
      removal === 'destroy'
        ? 'takes the database out of its backup plan: no more recovery points'
        : 'replaced (recovery points in the vaults stay)',
  }),
  aws_s3_bucket: (removal, base, head) => ({
    severity: 'data-loss',
    lasts: base?.force_destroy === true ? 'permanent' : 'until someone acts',
    text:
      (removal === 'replace'
        ? `replaces bucket ${code(str(base, 'bucket'))} with a new, empty ${code(str(head, 'bucket'))}: nothing copies the objects. `
        : `deletes bucket ${code(str(base, 'bucket'))}. `) +
      (base?.force_destroy === true
        ? '`force_destroy` deletes every object and version first'
        : 'S3 deletes only an empty bucket (every version counts): while it holds objects the apply fails there'),
  }),
  kubernetes_cron_job_v1: (removal, base) => ({
    severity: removal === 'destroy' ? 'caution' : 'info',
    text:
      removal === 'destroy'
        ? `deletes CronJob ${code(String(get(base, 'metadata', 'name') ?? '?'))}: its scheduled runs stop`
        : 'replaced (deleted, then created)',
  }),
  aws_cloudwatch_log_group: (_removal, base) =>
    base?.skip_destroy === true
      ? {
          severity: 'caution',
          text:
            `forgets log group ${code(str(base, 'name'))} (\`skip_destroy\`): its logs stay in CloudWatch until their ` +
            'retention expires, outside Terraform (delete or import the group before reusing its name)',
        }
      : {
          severity: 'data-loss',
          lasts: 'permanent',
          text: `deletes log group ${code(str(base, 'name'))} and the logs in it`,
        },
  postgresql_schema: (removal, base) => ({
    severity: 'data-loss',
    ...(base?.drop_cascade === true ? { lasts: 'permanent' as const } : {}),
    text:
      `drops schema ${code(str(base, 'name'))}${removal === 'replace' ? ' and re-creates it empty' : ''}: ` +
      (base?.drop_cascade === true
        ? 'CASCADE drops every table in it'
        : 'RESTRICT, so the apply fails while it still holds tables'),
  }),
  postgresql_role: (_removal, base) => ({
    severity: 'caution',
    text:
      `drops role ${code(str(base, 'name'))}: what it owns is reassigned to the admin user, its privileges ` +
      'dropped; sessions using it fail',
  }),
  kubernetes_namespace_v1: (_removal, base) => ({
    severity: 'data-loss',
    lasts: 'permanent',
    text:
      `deletes namespace ${code(String(get(base, 'metadata', 'name') ?? '?'))} and everything in it, including ` +
      "the applications' own workloads deployed outside this repository",
  }),
  cloudflare_r2_custom_domain: customDomainOutcome,
  cloudflare_account_token: (_removal, base) => ({
    severity: 'outage',
    lasts: 'until someone acts',
    text:
      `revokes the R2 credentials ${code(str(base, 'name'))}: Payload's S3 calls fail until it restarts with ` +
      'the new secret',
  }),
  random_password: () => ({
    severity: 'caution',
    text: "generates a new password: the role's password, PgBouncer's userlist and the app secrets change together",
  }),
  cloudflare_ruleset: () => ({
    severity: 'caution',
    text: "deletes and re-creates the zone's cache rules: responses are briefly cached by defaults only",
  }),
};

function generic(removal: Removal, base?: Block): Outcome {
  const firstCreate = get(base, 'lifecycle', 'create_before_destroy') === true;
  return {
    severity: 'info',
    text:
      removal === 'destroy'
        ? 'deleted'
        : `replaced (${firstCreate ? 'the new one is created first' : 'deleted, then created'})`,
  };
}

/** `name` forces replacement — or, for a knock-on, `bucket_name` (from `cloudflare_r2_bucket.media_bucket.name`). */
function forcedBy(change: PlannedChange): string {
  const paths = change.replacePaths.map((path) => {
    const via = change.leaves.find((l) => l.via && schemaPath(l.path).join('.') === path)?.via;
    return `${code(path)}${via ? ` (from ${code(via)})` : ''}`;
  });
  return paths.length > 0
    ? `${paths.join(', ')} ${paths.length === 1 ? 'forces' : 'force'} replacement`
    : 'replaced';
}

/** The outcome note of a destroyed or replaced resource, or nothing for other actions. */
export function outcomeOf(
  change: PlannedChange,
  environment: string,
  all: readonly PlannedChange[] = [change],
): Note | undefined {
  if (change.action !== 'destroy' && change.action !== 'replace') return undefined;
  const { address, base, head } = change;
  const outcome = (outcomes[change.type] ?? generic)(change.action, base, head, { change, all });
  if (change.action === 'replace' && get(head, 'lifecycle', 'prevent_destroy') === true)
    return {
      severity: 'blocked',
      address,
      text:
        `${forcedBy(change)}, but \`prevent_destroy\` is set: **the plan will fail**, and nothing in ` +
        `${code(environment)} applies until this is resolved. Were it allowed, it ${outcome.text}`,
    };
  const unprotected =
    change.action === 'destroy' && get(base, 'lifecycle', 'prevent_destroy') === true
      ? ' — `prevent_destroy` does not protect it: the block is removed from the configuration'
      : '';
  return {
    severity: outcome.severity,
    address,
    text: `${change.action === 'replace' ? `${forcedBy(change)} — ` : ''}${outcome.text}${unprotected}`,
    ...(outcome.lasts ? { lasts: outcome.lasts } : {}),
  };
}
