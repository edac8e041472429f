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
