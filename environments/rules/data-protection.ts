/**
 * Rules for data protection: backups leave the region, retention meets the tier, vault locks are what the tier allows,
 * and the media copy job is pinned, fits its namespace's limit range and reaches only what it needs.
 */
import type { EnvironmentConfig } from '../config';
import type { RecoveryPointRetention } from '../parts/data-protection';
import type { Checker, EnvironmentRule } from '../validation';
import { atMost, quantities, withinLimitRange } from './cluster';
import { CRON_SCHEDULE, isCronSchedule } from './cron';
import { isIntegerIn, isIpv4Cidr, isRegion, KNOWN_REGIONS, matches } from './formats';

// Constants and patterns live inside the functions: the module does no work when it is imported (see
// stryker.config.mjs).

/** AWS Backup keeps a recovery point at most 100 years. */
const maxRetentionDays = () => 36500;

/** Smallest retention per tier: [primary vault, DR copy]. */
const retentionMinimums = (tier: EnvironmentConfig['tier']) =>
  tier === 'production'
    ? ({ daily: [14, 7], monthly: [90, 90] } as const)
    : ({ daily: [1, 1], monthly: [31, 31] } as const);

export const oidcIssuerPattern = (region: string): RegExp =>
  new RegExp(`^https://oidc\\.eks\\.${region.replace(/[^a-z0-9-]/g, '')}\\.amazonaws\\.com/id/[0-9A-F]{32}$`);

function checkRetention(
  c: Checker,
  field: string,
  retention: RecoveryPointRetention,
  [minimum, drMinimum]: readonly [number, number],
  env: EnvironmentConfig,
): void {
  c.check(
    `${field}.retentionDays`,
    retention.retentionDays,
    isIntegerIn(retention.retentionDays, minimum, maxRetentionDays()),
    `an integer from ${minimum} to ${maxRetentionDays()} days for a ${env.tier} environment`,
  );
  if (env.dataProtection.backup.copyToDrRegion) {
    c.check(
      `${field}.drRetentionDays`,
      retention.drRetentionDays,
      isIntegerIn(retention.drRetentionDays, drMinimum, maxRetentionDays()),
      `an integer from ${drMinimum} to ${maxRetentionDays()} days for a ${env.tier} environment`,
    );
  }
}

const drRules: EnvironmentRule = (env, c) => {
  const region = env.dataProtection.dr.region;
  if (c.check('dataProtection.dr.region', region, isRegion(region), KNOWN_REGIONS)) {
    c.check(
      'dataProtection.dr.region',
      region,
      region !== env.aws.region,
      `a region other than aws.region (${env.aws.region}): a copy in the same region shares its failures`,
    );
  }
};

const backupRules: EnvironmentRule = (env, c) => {
  const backup = env.dataProtection.backup;
  const production = env.tier === 'production';
  const minimums = retentionMinimums(env.tier);
  if (production) {
    c.check('dataProtection.backup.enabled', backup.enabled, backup.enabled === true, 'true in production');
    c.check(
      'dataProtection.backup.copyToDrRegion',
      backup.copyToDrRegion,
      backup.copyToDrRegion === true,
      'true in production: recovery points must leave the region',
    );
  }
  checkRetention(c, 'dataProtection.backup.daily', backup.daily, minimums.daily, env);
  checkRetention(c, 'dataProtection.backup.monthly', backup.monthly, minimums.monthly, env);
  c.check(
    'dataProtection.backup.monthly.retentionDays',
    backup.monthly.retentionDays,
    backup.monthly.retentionDays >= backup.daily.retentionDays,
    `at least daily.retentionDays (${backup.daily.retentionDays}): a monthly point kept shorter than the dailies adds nothing`,
  );
  const lock = backup.vaultLock;
  const lockModes = ['none', 'governance', 'compliance'];
  if (
    c.check(
      'dataProtection.backup.vaultLock.mode',
      lock.mode,
      lockModes.includes(lock.mode),
      lockModes.join(' | '),
    )
  ) {
    if (production)
      c.check(
        'dataProtection.backup.vaultLock.mode',
        lock.mode,
        lock.mode === 'compliance',
        'compliance in production: a governance lock yields to anyone allowed to delete it (docs/threat-model.md)',
      );
    else
      c.check(
        'dataProtection.backup.vaultLock.mode',
        lock.mode,
        lock.mode !== 'compliance',
        'none | governance outside production: a compliance lock can never be lifted',
      );
  }
  if (lock.mode === 'compliance') {
    c.check(
      'dataProtection.backup.vaultLock.changeableForDays',
      lock.changeableForDays,
      // AWS refuses a compliance lock whose grace period is shorter (ChangeableForDays ≥ 3).
      isIntegerIn(lock.changeableForDays, 3, 36500),
      'an integer ≥ 3: the days the lock can still be removed before it becomes permanent',
    );
  }
};

const mediaCopyRules: EnvironmentRule = (env, c) => {
  const copy = env.dataProtection.mediaCopy;
  const at = 'dataProtection.mediaCopy';
  if (env.tier === 'production')
    c.check(
      `${at}.enabled`,
      copy.enabled,
      copy.enabled === true,
      'true in production: R2 must not hold the only copy',
    );
  c.check(
    `${at}.bucketName`,
    copy.bucketName,
    matches(copy.bucketName, /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/) && copy.bucketName !== env.state.bucket,
    'an S3 bucket name without dots (3–63 lowercase letters, digits, hyphens), not the state bucket',
  );
  c.check(`${at}.schedule`, copy.schedule, isCronSchedule(copy.schedule), CRON_SCHEDULE);
  c.check(
    `${at}.previousVersionRetentionDays`,
    copy.previousVersionRetentionDays,
    isIntegerIn(copy.previousVersionRetentionDays, 30, 3650),
    'an integer from 30 to 3650 days (a month at least to notice a lost file; policy LW-S3-005)',
  );
  c.check(
    `${at}.coldStorageAfterDays`,
    copy.coldStorageAfterDays,
    isIntegerIn(copy.coldStorageAfterDays, 1, 3650),
    'an integer from 1 to 3650 days',
  );
  c.check(
    `${at}.image.tag`,
    copy.image.tag,
    matches(copy.image.tag, /^\d+\.\d+\.\d+$/),
    'an exact rclone version x.y.z (never latest)',
  );
  if (copy.image.digest !== undefined)
    c.check(
      `${at}.image.digest`,
      copy.image.digest,
      matches(copy.image.digest, /^sha256:[0-9a-f]{64}$/),
      'sha256:<64 hex digits>',
    );
  c.check(
    `${at}.runAsUser`,
    copy.runAsUser,
    isIntegerIn(copy.runAsUser, 10000, 2147483647),
    'a non-root UID ≥ 10000',
  );
  for (const key of ['awsHttpsEgressCidrs', 'r2HttpsEgressCidrs'] as const) {
    const cidrs = copy[key];
    c.check(`${at}.${key}`, cidrs, cidrs.length > 0, 'at least one CIDR: the job reaches nothing else');
    cidrs.forEach((cidr, i) =>
      c.check(
        `${at}.${key}[${i}]`,
        cidr,
        isIpv4Cidr(cidr) && !cidr.endsWith('/0'),
        'an IPv4 CIDR narrower than /0 (never the whole internet)',
      ),
    );
  }
};

/** The job's containers must fit the namespace's LimitRange (its quota: rules/namespace-quota.ts). */
const mediaCopyResourceRules: EnvironmentRule = (env, c) => {
  const copy = env.dataProtection.mediaCopy;
  const at = 'dataProtection.mediaCopy';
  const namespace = env.cluster.namespaces.find((n) => n.name === copy.namespace);
  const declared = c.check(
    `${at}.namespace`,
    copy.namespace,
    namespace?.podSecurity.enforce === 'restricted',
    `a declared namespace enforcing the restricted Pod Security Standard (${env.cluster.namespaces.map((n) => n.name).join(', ')})`,
  );
  const requests = quantities(c, `${at}.resources.requests`, copy.resources.requests);
  const limits = quantities(c, `${at}.resources.limits`, copy.resources.limits);
  atMost(
    c,
    `${at}.resources.limits`,
    requests,
    limits,
    copy.resources.limits,
    (r) => `at least the request (${copy.resources.requests[r]})`,
  );
  if (!declared || !namespace || !requests || !limits) return;
  withinLimitRange(c, `${at}.resources`, copy.resources, namespace); // its quota: rules/namespace-quota.ts
};

const oidcRule: EnvironmentRule = (env, c) => {
  c.check(
    'cluster.oidcIssuerUrl',
    env.cluster.oidcIssuerUrl,
    matches(env.cluster.oidcIssuerUrl, oidcIssuerPattern(env.aws.region)),
    `the cluster's issuer, https://oidc.eks.${env.aws.region}.amazonaws.com/id/<32 hex characters>`,
  );
};

export const dataProtectionRules: readonly EnvironmentRule[] = [
  drRules,
  backupRules,
  mediaCopyRules,
  mediaCopyResourceRules,
  oidcRule,
];
