/**
 * Rules across the registered environments: what two environments must never share.
 */
import type { EnvironmentConfig } from '../config';
import type { RegistryRule } from '../validation';
import { duplicates } from './formats';

/** Reports every value that more than one environment uses for `field`. */
function unique(field: string, valueOf: (env: EnvironmentConfig) => string): RegistryRule {
  return (envs, c) => {
    for (const value of duplicates(envs.map(valueOf))) {
      const owners = envs.filter((e) => valueOf(e) === value).map((e) => e.name);
      c.check(field, value, false, `a value no other environment uses (shared by ${owners.join(', ')})`);
    }
  };
}

export const registryRules: readonly RegistryRule[] = [
  unique('name', (e) => e.name),
  unique('state.bucket + state.key', (e) => `s3://${e.state.bucket}/${e.state.key}`),
  unique(
    'aws.accountId + aws.region + database.identifier',
    (e) => `${e.aws.accountId}/${e.aws.region}/${e.database.identifier}`,
  ),
];
