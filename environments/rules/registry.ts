/**
 * Rules across the registered environments: what two environments must never share.
 */
import type { EnvironmentConfig } from '../config';
import type { Checker, RegistryRule } from '../validation';
import { duplicates } from './formats';

/** Reports every value that more than one environment uses for `field`. */
function unique(
  envs: readonly EnvironmentConfig[],
  c: Checker,
  field: string,
  valueOf: (env: EnvironmentConfig) => string,
): void {
  for (const value of duplicates(envs.map(valueOf))) {
    const owners = envs.filter((e) => valueOf(e) === value).map((e) => e.name);
    c.check(field, value, false, `a value no other environment uses (shared by ${owners.join(', ')})`);
  }
}

/**
 * A state bucket belongs to one account (bucket names are global: a second account naming it would write its state
 * into someone else's bucket), every environment using it agrees on the settings of the one bucket the account's
 * bootstrap stack creates (and on the tier its bootstrap is built for), and each account has one bucket (its bootstrap stack creates exactly one).
 */
function stateBucketSettings(envs: readonly EnvironmentConfig[], c: Checker): void {
  const perBucket: readonly [string, (env: EnvironmentConfig) => unknown][] = [
    ['aws.accountId', (e) => e.aws.accountId],
    ['state.region', (e) => e.state.region],
    ['state.kmsKeyAlias', (e) => e.state.kmsKeyAlias],
    ['state.noncurrentVersionExpirationDays', (e) => e.state.noncurrentVersionExpirationDays],
    ['delivery.bootstrapBackend', (e) => e.delivery.bootstrapBackend],
    // The account's one trail and destructive-call alarm (bootstrap stack).
    ['observability.auditTrail', (e) => e.observability.auditTrail],
    // One tier per account: its bootstrap stack (boundary, plan gates) is built and judged for that tier.
    ['tier', (e) => e.tier],
  ];
  for (const [field, valueOf] of perBucket) {
    for (const bucket of new Set(envs.map((e) => e.state.bucket))) {
      const users = envs.filter((e) => e.state.bucket === bucket);
      const values = [...new Set(users.map((e) => JSON.stringify(valueOf(e))))];
      c.check(
        field,
        values.map((v) => JSON.parse(v) as unknown),
        values.length === 1,
        `one value for every environment whose state is in bucket ${bucket} (${users.map((e) => e.name).join(', ')})`,
      );
    }
  }
}

function oneStateBucketPerAccount(envs: readonly EnvironmentConfig[], c: Checker): void {
  for (const account of new Set(envs.map((e) => e.aws.accountId))) {
    const buckets = [...new Set(envs.filter((e) => e.aws.accountId === account).map((e) => e.state.bucket))];
    c.check(
      'state.bucket',
      buckets,
      buckets.length === 1,
      `one state bucket per account (account ${account})`,
    );
  }
}

export const registryRules: readonly RegistryRule[] = [
  (envs, c) => unique(envs, c, 'name', (e) => e.name),
  (envs, c) => unique(envs, c, 'state.bucket + state.key', (e) => `s3://${e.state.bucket}/${e.state.key}`),
  (envs, c) =>
    unique(
      envs,
      c,
      'aws.accountId + aws.region + database.identifier',
      (e) => `${e.aws.accountId}/${e.aws.region}/${e.database.identifier}`,
    ),
  (envs, c) => unique(envs, c, 'delivery.githubEnvironment', (e) => e.delivery.githubEnvironment),
  // A plan gate naming a deploy Environment (dev's, say) lets every job of that Environment assume the plan role.
  (envs, c) => {
    const deploys = envs.map((e) => e.delivery.githubEnvironment);
    for (const env of envs) {
      const gate = env.delivery.planRole.githubEnvironment;
      if (gate !== undefined)
        c.check(
          'delivery.planRole.githubEnvironment',
          gate,
          !deploys.includes(gate),
          `a GitHub Environment of ${env.name}'s plan gate only, not one an environment deploys from (${deploys.join(', ')})`,
        );
    }
  },
  // Roles of environments sharing an account live in one IAM namespace.
  (envs, c) => {
    const names = envs.flatMap((e) =>
      [e.delivery.planRole.name, e.delivery.deployRole.name].map((n) => `${e.aws.accountId}/${n}`),
    );
    for (const name of duplicates(names))
      c.check(
        'delivery.planRole.name | delivery.deployRole.name',
        name,
        false,
        'a role name no other role of the account uses',
      );
  },
  // The workflows that assume the roles live in one repository.
  (envs, c) => {
    const repositories = [...new Set(envs.map((e) => e.delivery.repository))];
    c.check(
      'delivery.repository',
      repositories,
      repositories.length <= 1,
      'one repository for every environment (it holds the workflows)',
    );
  },
  stateBucketSettings,
  oneStateBucketPerAccount,
  // A dev deploy must never touch production media.
  (envs, c) => unique(envs, c, 'cloudflare.media.bucketName', (e) => e.cloudflare.media.bucketName),
  (envs, c) => unique(envs, c, 'cloudflare.cdn.domain', (e) => e.cloudflare.cdn.domain),
  (envs, c) => {
    for (const zoneId of new Set(envs.map((e) => e.cloudflare.cdn.zoneId))) {
      const inZone = envs.filter((e) => e.cloudflare.cdn.zoneId === zoneId);
      const owners = inZone.filter((e) => e.cloudflare.cdn.managesZoneCacheRules).map((e) => e.name);
      c.check(
        'cloudflare.cdn.managesZoneCacheRules',
        owners,
        owners.length === 1,
        `exactly one of ${inZone.map((e) => e.name).join(', ')} (zone ${zoneId} has one cache-rules ruleset)`,
      );
    }
  },
];
