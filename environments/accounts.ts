/**
 * The AWS accounts of a set of environments, and the name of each account's bootstrap stack (stacks/bootstrap-stack.ts).
 * Pure config: reading a synthesized tree needs the stack names without loading cdktf and the stacks.
 */
import type { EnvironmentConfig } from './config';

/** Environments grouped by account, in registry order; the stack is named after the account's first one. */
export function accountsOf(envs: readonly EnvironmentConfig[]): EnvironmentConfig[][] {
  const byAccount = new Map<string, EnvironmentConfig[]>();
  for (const env of envs)
    byAccount.set(env.aws.accountId, [...(byAccount.get(env.aws.accountId) ?? []), env]);
  return [...byAccount.values()];
}

export const bootstrapStackName = (account: readonly EnvironmentConfig[]): string =>
  `bootstrap-${account[0].name}`;
