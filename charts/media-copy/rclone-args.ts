/**
 * The rclone command line of the media copy job, and the remote definitions it runs with.
 *
 * `rclone copy` never deletes in the destination: an object deleted in R2 stays in the copy. An object overwritten
 * in R2 is copied again, and the copy it replaces is moved under `overwritten/<job name>/` first (`--backup-dir`), so
 * every previous version stays reachable by path; the bucket's versioning also keeps it as a noncurrent version.
 * `--update --use-server-modtime` compares the listing's modification times (no HEAD request per object): an object
 * newer in R2 than its copy is copied, anything else is skipped.
 */

/** Remote names in rclone.conf. */
export const SOURCE_REMOTE = 'r2';
export const DESTINATION_REMOTE = 'copy';
/** Prefixes of the copy bucket. */
export const MIRROR_PREFIX = 'media';
export const OVERWRITTEN_PREFIX = 'overwritten';
/** Kubernetes expands `$(JOB_NAME)` from the container's env: the Job's name, the same for every retry of a run. */
export const JOB_NAME_VARIABLE = 'JOB_NAME';

export interface RcloneCopyCommand {
  readonly sourceBucket: string;
  readonly destinationBucket: string;
  readonly configFile: string;
  readonly cacheDir: string;
}

export function rcloneCopyArgs(c: RcloneCopyCommand): string[] {
  const destination = `${DESTINATION_REMOTE}:${c.destinationBucket}`;
  return [
    'copy',
    `${SOURCE_REMOTE}:${c.sourceBucket}`,
    `${destination}/${MIRROR_PREFIX}`,
    `--backup-dir=${destination}/${OVERWRITTEN_PREFIX}/$(${JOB_NAME_VARIABLE})`,
    '--update',
    '--use-server-modtime',
    '--fast-list',
    '--checkers=16',
    '--transfers=8',
    '--retries=3',
    '--low-level-retries=10',
    `--config=${c.configFile}`,
    `--cache-dir=${c.cacheDir}`,
    '--use-json-log',
    '--log-level=INFO',
    '--stats=1m',
    '--stats-log-level=NOTICE',
  ];
}

export interface RcloneRemotes {
  /** https://<account>.r2.cloudflarestorage.com */
  readonly r2Endpoint: string;
  readonly r2AccessKeyId: string;
  readonly r2SecretAccessKey: string;
  /** Region of the copy bucket; credentials come from the web identity (IRSA) in the environment. */
  readonly awsRegion: string;
}

/** rclone.conf: R2 read with its bucket-scoped read-only token, the copy bucket with the pod's IAM role. */
export function rcloneConfig(r: RcloneRemotes): string {
  return [
    `[${SOURCE_REMOTE}]`,
    'type = s3',
    'provider = Cloudflare',
    `access_key_id = ${r.r2AccessKeyId}`,
    `secret_access_key = ${r.r2SecretAccessKey}`,
    `endpoint = ${r.r2Endpoint}`,
    'region = auto',
    'no_check_bucket = true',
    '',
    `[${DESTINATION_REMOTE}]`,
    'type = s3',
    'provider = AWS',
    'env_auth = true',
    `region = ${r.awsRegion}`,
    // The bucket enforces bucket-owner ownership (ACLs disabled): only this canned ACL is accepted.
    'acl = bucket-owner-full-control',
    'no_check_bucket = true',
    '',
  ].join('\n');
}
