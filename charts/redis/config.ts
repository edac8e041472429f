/**
 * Renders redis.conf and the ACL file for a given Redis version (7.0 or newer: ACL files with `resetchannels`,
 * `%R~`-free key patterns and `acl-pubsub-default` exist from 7.0 on). Every setting is written out so reviewers
 * see it; nothing relies on a default.
 *
 * The cache holds nothing that cannot be recomputed: no RDB snapshots, no append-only file, evict when full.
 * Semantics checked against redis/redis 7.0 redis.conf and src/acl.c (ACLSetUser: `on`/`off`, `#<sha256>`,
 * `resetkeys`, `~pattern`, `resetchannels`, `+@category`, `-@category`, `+command|subcommand`).
 */
import { atLeast, parseVersion } from '../pgbouncer/ini';

export const MINIMUM_REDIS_VERSION = '7.0.0';

/** Where the chart mounts redis.conf (ConfigMap) and the ACL file (Secret); the local container mounts the same. */
export const REDIS_CONFIG_DIR = '/etc/redis';
export const REDIS_ACL_FILE = '/etc/redis-acl/users.acl';
export const REDIS_DATA_DIR = '/data';
export const REDIS_DEFAULT_PORT = 6379;

/** The read-only ACL user of operators and exporters. */
export const REDIS_MONITORING_USER = 'monitoring';

/** The server an image runs: Redis, or Valkey (its BSD-3-Clause fork, same protocol, config and ACL syntax). */
export type RedisServer = 'redis' | 'valkey';
export const REDIS_SERVERS: readonly RedisServer[] = ['redis', 'valkey'];

/** The executables of `server` (Valkey's images ship `valkey-*`; the `redis-*` names are optional symlinks). */
export const serverBinary = (server: RedisServer): string => `${server}-server`;
export const cliBinary = (server: RedisServer): string => `${server}-cli`;

export interface RedisConfOptions {
  readonly version: string;
  readonly bindAddress: string;
  readonly port: number;
  readonly maxMemoryBytes: number;
  readonly evictionPolicy: string;
  readonly aclFile: string;
  /** Working directory (nothing is written there without persistence, but Redis changes into it). */
  readonly dataDir: string;
}

export function renderRedisConf(o: RedisConfOptions): string {
  if (!parseVersion(o.version) || !atLeast(o.version, MINIMUM_REDIS_VERSION)) {
    throw new Error(
      `redis.version: ${o.version} is not supported; allowed: ${MINIMUM_REDIS_VERSION} or newer`,
    );
  }
  const settings: [string, string | number][] = [
    ['bind', o.bindAddress],
    ['port', o.port],
    // Authentication is the ACL file's: the default user is off, so protected mode has nothing left to guard.
    ['protected-mode', 'yes'],
    ['aclfile', o.aclFile],
    ['acl-pubsub-default', 'resetchannels'],
    // No DEBUG, no MODULE LOAD (a shared object runs inside the server), no CONFIG SET of protected settings.
    ['enable-debug-command', 'no'],
    ['enable-module-command', 'no'],
    ['enable-protected-configs', 'no'],
    // One logical database: a user cannot step around its key prefix by SELECTing another.
    ['databases', 1],
    ['maxmemory', o.maxMemoryBytes],
    ['maxmemory-policy', o.evictionPolicy],
    // A cache: no RDB snapshots, no append-only file. A restart starts empty.
    ['save', '""'],
    ['appendonly', 'no'],
    ['dir', o.dataDir],
    ['daemonize', 'no'],
    ['logfile', '""'],
    ['loglevel', 'notice'],
    ['timeout', 0],
    ['tcp-keepalive', 300],
    ['maxclients', 1000],
  ];
  return [
    `# redis.conf for Redis ${o.version}, rendered by charts/redis/config.ts`,
    ...settings.map(([k, v]) => `${k} ${v}`),
    '',
  ].join('\n');
}

/** What an ACL user may run. */
export type RedisAclProfile = 'cache' | 'monitoring';

export interface RedisAclUser {
  readonly name: string;
  /** SHA-256 (lowercase hex) of the password: the ACL file never holds the password itself. */
  readonly passwordSha256: string;
  readonly profile: RedisAclProfile;
  /** Keys the user may touch start with `<keyPrefix>:`; required for `cache`. */
  readonly keyPrefix?: string;
}

/**
 * Commands that list key names whatever the user's key patterns: Redis checks key permissions on the keys a command
 * names, not on the names SCAN/KEYS/RANDOMKEY return (redis/redis src/acl.c ACLCheckAllUserCommandPerm; with them
 * `django` listed `payload:` keys), nor on the keys a `CLIENT TRACKING ON BCAST` invalidation names (reproduced on
 * Redis 7.0.15; redis/redis#15371, merged 2026-06, filters them upstream; no Valkey 8.1 fix is known here). A cache
 * addresses its keys by name and needs none of them.
 */
export const KEY_ENUMERATION_COMMANDS = ['scan', 'keys', 'randomkey', 'client|tracking'] as const;
/** Commands that count every user's keys: DBSIZE, and INFO's keyspace section (INFO is `@dangerous` already). */
export const KEY_COUNT_COMMANDS = ['dbsize', 'info'] as const;

/**
 * The connection handling a cache client sends (redis-py, ioredis, node-redis: AUTH or HELLO, SELECT, PING, CLIENT
 * SETNAME), named one by one rather than `+@connection`, which also holds CLIENT TRACKING/CACHING. All exist in
 * Redis 7.0 and Valkey 8.1; `+container|subcommand` and `-container|subcommand` look the subcommand up as a command
 * of its own (src/acl.c ACLSetSelector, both). CLIENT SETINFO (7.2+) is left out: Redis 7.0 refuses an ACL file
 * naming it; clients sending it on connect must ignore the refusal.
 */
const CONNECTION_COMMANDS = [
  'auth',
  'hello',
  'ping',
  'echo',
  'select',
  'quit',
  'reset',
  'client|setname',
  'client|getname',
  'client|id',
];

/**
 * Data commands of every type, key-space commands, transactions; then everything `@dangerous` taken away again
 * (FLUSHALL, FLUSHDB, KEYS, CONFIG, DEBUG, MONITOR, SHUTDOWN, INFO, CLIENT KILL, …), the connection commands above,
 * and the key enumeration and count commands taken away last. No pub/sub, no scripting: a cache needs neither.
 */
const CACHE_COMMANDS = [
  '-@all +@read +@write +@keyspace +@transaction -@dangerous',
  ...CONNECTION_COMMANDS.map((c) => `+${c}`),
  ...[...KEY_ENUMERATION_COMMANDS, ...KEY_COUNT_COMMANDS].map((c) => `-${c}`),
].join(' ');
/** Read-only server state for operators and exporters; no key, no data command. */
const MONITORING_COMMANDS =
  '-@all +ping +hello +auth +info +dbsize +config|get +client|list +slowlog|get +slowlog|len +latency|latest +memory|stats';

function aclLine(user: RedisAclUser): string {
  const keys = user.profile === 'cache' ? `resetkeys ~${user.keyPrefix}:*` : 'resetkeys';
  const commands = user.profile === 'cache' ? CACHE_COMMANDS : MONITORING_COMMANDS;
  return `user ${user.name} on resetpass #${user.passwordSha256} ${keys} resetchannels ${commands}`;
}

/** The ACL users, passwords aside: one cache user per application, named after it and confined to `<app>:` keys. */
export function redisAclUsers(apps: readonly string[]): Omit<RedisAclUser, 'passwordSha256'>[] {
  return [
    ...[...apps].sort().map((app) => ({ name: app, profile: 'cache' as const, keyPrefix: app })),
    { name: REDIS_MONITORING_USER, profile: 'monitoring' as const },
  ];
}

/** The ACL file: the default user switched off, then one line per user. */
export function renderAclFile(users: readonly RedisAclUser[]): string {
  for (const u of users) {
    if (u.profile === 'cache' && !u.keyPrefix)
      throw new Error(`redis ACL user ${u.name}: a cache user needs a keyPrefix`);
  }
  return ['user default off resetpass resetkeys resetchannels -@all', ...users.map(aclLine), ''].join('\n');
}
