/**
 * Passwords and keys of the local setup: generated on the first `npm run local` into the git-ignored local/secrets/,
 * one file per credential, and kept on later runs (a database volume holds them) unless rotation is asked for.
 */
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGBOUNCER_CONSOLE_USERS } from '../charts/pgbouncer/ini-options';
import { redisAclUsers } from '../charts/redis/config';
import { GENERATED_SECRET_LENGTH, generatedSecretName } from '../contract/generated-secret';
import { contractOf } from '../contract/lookup';
import { applicationContract } from '../contract/services';
import type { ServiceContract } from '../contract/variables';
import { accessPlan } from '../environments/access-plan';
import type { EnvironmentConfig } from '../environments/config';
import { passwordVariable } from './access-sql';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Names of the credential files (also the Compose secrets' names). */
export const CREDENTIAL = {
  superuserPassword: 'postgres_superuser_password',
  masterPassword: 'postgres_master_password',
  rolePassword: passwordVariable,
  consolePassword: (user: string) => `pgbouncer_password_${user}`,
  redisPassword: (user: string) => `redis_password_${user}`,
  objectStoreAccessKeyId: 'object_store_access_key_id',
  objectStoreSecretAccessKey: 'object_store_secret_access_key',
} as const;

/**
 * Every credential the setup needs: name → length, as the cloud's random_password resources have them (40 letters
 * and digits for passwords, 64 for the applications' signing secrets).
 */
export function credentialNames(env: EnvironmentConfig): Map<string, number> {
  const plan = accessPlan(env.databaseAccess, env.database.databaseName);
  const redisUsers = redisAclUsers(Object.keys(env.cluster.apps)).map((u) => u.name);
  return new Map([
    [CREDENTIAL.superuserPassword, 40],
    [CREDENTIAL.masterPassword, 40],
    ...plan.roles.filter((r) => r.login).map((r) => [CREDENTIAL.rolePassword(r.name), 40] as const),
    ...Object.values(PGBOUNCER_CONSOLE_USERS).map((u) => [CREDENTIAL.consolePassword(u), 40] as const),
    ...redisUsers.map((u) => [CREDENTIAL.redisPassword(u), 40] as const),
    // The applications' generated signing secrets (contract/generated-secret.ts), named as the cloud's.
    ...Object.keys(env.cluster.apps).flatMap((app) => {
      const name = generatedSecretName(contractOf(applicationContract, app) as ServiceContract);
      return name ? [[name, GENERATED_SECRET_LENGTH] as const] : [];
    }),
    [CREDENTIAL.objectStoreAccessKeyId, 20],
    [CREDENTIAL.objectStoreSecretAccessKey, 40],
  ]);
}

export function generateSecret(length: number): string {
  return Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}

export type Credentials = ReadonlyMap<string, string>;

/**
 * The credentials kept in `dir` (one file each), with the missing ones generated; with `rotate`, all new.
 * A file that is empty or holds other than letters and digits counts as missing.
 */
export function loadOrGenerateCredentials(
  dir: string,
  names: ReadonlyMap<string, number>,
  rotate: boolean,
): { credentials: Credentials; generated: string[] } {
  const credentials = new Map<string, string>();
  const generated: string[] = [];
  for (const [name, length] of names) {
    const path = join(dir, name);
    const kept = !rotate && existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
    if (/^[A-Za-z0-9]+$/.test(kept)) {
      credentials.set(name, kept);
    } else {
      credentials.set(name, generateSecret(length));
      generated.push(name);
    }
  }
  return { credentials, generated };
}

/** The value of a credential; throws on a name the setup never generated (a programming error). */
export function credential(credentials: Credentials, name: string): string {
  const value = credentials.get(name);
  if (value === undefined) throw new Error(`no local credential ${name}`);
  return value;
}
