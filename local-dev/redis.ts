/**
 * The local Redis cache: the chart's redis.conf, rendered with the environment's memory and eviction settings, and
 * the chart's ACL users (one per application, confined to `<app>:` keys, and the monitoring user) with the local
 * passwords' SHA-256. test/local-files.test.ts holds both files to the chart's.
 */
import { createHash } from 'node:crypto';
import {
  REDIS_ACL_FILE,
  REDIS_DATA_DIR,
  REDIS_DEFAULT_PORT,
  redisAclUsers,
  renderAclFile,
  renderRedisConf,
} from '../charts/redis/config';
import { parseQuantity } from '../constructs/k8s-quantity';
import type { EnvironmentConfig } from '../environments/config';
import { credential, CREDENTIAL, type Credentials } from './credentials';
import { readable, type GeneratedFile } from './generated-file';

/** The ACL users of the environment's cache: its applications' and the monitoring user. */
const localRedisUsers = (env: EnvironmentConfig) => redisAclUsers(Object.keys(env.cluster.apps));

export function localRedisConf(env: EnvironmentConfig): string {
  const redis = env.cluster.redis;
  return renderRedisConf({
    version: redis.version,
    bindAddress: '0.0.0.0',
    port: REDIS_DEFAULT_PORT,
    maxMemoryBytes: parseQuantity(redis.maxMemory) as number,
    evictionPolicy: redis.evictionPolicy,
    aclFile: REDIS_ACL_FILE,
    dataDir: REDIS_DATA_DIR,
  });
}

export function localRedisAcl(env: EnvironmentConfig, credentials: Credentials): string {
  const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
  return renderAclFile(
    localRedisUsers(env).map((user) => ({
      ...user,
      passwordSha256: sha256(credential(credentials, CREDENTIAL.redisPassword(user.name))),
    })),
  );
}

/** Files relative to local/: redis.conf, and the ACL file (hashes only, yet kept with the secrets). */
export function redisFiles(env: EnvironmentConfig, credentials: Credentials): GeneratedFile[] {
  return [
    readable('redis/redis.conf', localRedisConf(env)),
    readable('secrets/redis-users.acl', localRedisAcl(env, credentials)),
  ];
}
