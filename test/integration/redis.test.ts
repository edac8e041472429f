/**
 * The Redis cache as the cluster layer configures it, run for real: the shipped server (or a loud fallback) with the
 * redis.conf and ACL file taken from dev's synthesized ConfigMap and Secret, each application connecting with the
 * URL from its synthesized Secret.
 *
 * What is rewritten, and nothing else:
 *   bind, port        0.0.0.0:6379 in the pod → 127.0.0.1 and a free port
 *   aclfile, dir      the Secret's mount path and the pod's volume → the temp dir holding the same ACL file
 *   daemonize, pidfile, logfile   redis-server runs daemonized here instead of as a container's process
 *   the URLs' host    redis.<shared>.svc.cluster.local:6379 → 127.0.0.1 and the free port
 * Passwords: the random provider is EMULATED (alphanumeric of the declared length, as random_password with
 * special = false); the ACL file's sha256(...) and the URLs' urlencode(...) are computed from them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { parseQuantity } from '../../constructs/k8s-quantity';
import { dev } from '../../environments/dev';
import { freePort } from '../support/free-port';
import { infoFields, RedisConnection, RedisError, type Reply } from '../support/redis-client';
import { redisFiles, redisServerFor, startLocalRedis, type LocalRedis } from '../support/local-redis';
import type { ServerBinary } from '../support/server-binary';
import { synthEnvironment } from '../support/synth';
import { generatePasswords, resolvePasswords } from '../support/terraform-expressions';
import { resourcesOfType } from '../../synth/terraform-json';

jest.setTimeout(3 * 60_000);

// The shipped version, else a loud fallback to another installed one, else undefined: skipped (server-binary.ts).
const server = redisServerFor(dev);
const version = server?.version;
const describeRedis = server ? describe : describe.skip;

const stack = synthEnvironment(dev);
const passwords = generatePasswords(stack);
const maxMemory = parseQuantity(dev.cluster.redis.maxMemory) as number;

/** `directive value` lines of a redis.conf: one replaced or added per call. */
function setDirective(conf: string, key: string, value: string | number): string {
  const line = `${key} ${value}`;
  const pattern = new RegExp(`^${key} .*$`, 'm');
  return pattern.test(conf) ? conf.replace(pattern, line) : `${conf}${line}\n`;
}

const isError = (reply: Reply, pattern: RegExp) => reply instanceof RedisError && pattern.test(reply.message);

describeRedis(`redis-server ${version} with dev's synthesized config and ACL file`, () => {
  const rewrites: string[] = [];
  const secrets = resourcesOfType(stack, 'kubernetes_secret_v1');
  const configMap = resourcesOfType(stack, 'kubernetes_config_map_v1').cluster_redis_config;
  let redis: LocalRedis;
  let port: number;
  /** The app's URL from its Secret, pointed at the local server. */
  const appUrl = (secret: string, key: string) => {
    const url = (secrets[secret].data as Record<string, string>)[key].replace(
      /@[^/]+\//,
      `@127.0.0.1:${port}/`,
    );
    return new URL(resolvePasswords(url, passwords));
  };
  const apps = [
    { app: 'payload', url: () => appUrl('cluster_payload_env', 'REDIS_URL'), prefix: 'REDIS_KEY_PREFIX' },
    { app: 'django', url: () => appUrl('cluster_django_env', 'CACHE_URL'), prefix: 'CACHE_KEY_PREFIX' },
  ];
  const prefixOf = (app: string) =>
    (secrets[`cluster_${app}_env`].data as Record<string, string>)[apps.find((a) => a.app === app)!.prefix];

  /** A connection authenticated as the URL's user, on the URL's database. */
  const login = async (url: URL): Promise<RedisConnection> => {
    const connection = await RedisConnection.open(Number(url.port));
    const auth = await connection.command('AUTH', url.username, decodeURIComponent(url.password));
    if (auth !== 'OK') throw new Error(`AUTH ${url.username}: ${String(auth)}`);
    const select = await connection.command('SELECT', url.pathname.slice(1) || '0');
    if (select !== 'OK') throw new Error(`SELECT: ${String(select)}`);
    return connection;
  };
  const monitoring = async () => {
    const connection = await RedisConnection.open(port);
    await connection.command(
      'AUTH',
      'monitoring',
      passwords.get('cluster_redis_password_monitoring') as string,
    );
    return connection;
  };
  /** The server on `at` with dev's files, the ACL file changed by `editAcl` (for the control run only). */
  const start = async (at = port, editAcl = (acl: string) => acl) => {
    const files = redisFiles();
    let conf = (configMap.data as Record<string, string>)['redis.conf'];
    const set = (key: string, value: string | number) => {
      rewrites.push(
        `${key}: ${/^(\S+) (.*)$/m.exec(conf.split('\n').find((l) => l.startsWith(`${key} `)) ?? '')?.[2] ?? '(unset)'} → ${value}`,
      );
      conf = setDirective(conf, key, value);
    };
    set('bind', '127.0.0.1');
    set('port', at);
    set('aclfile', files.aclFile);
    set('dir', files.dir);
    set('daemonize', 'yes');
    set('pidfile', files.pidFile);
    set('logfile', files.logFile);
    const acl = resolvePasswords(
      (secrets.cluster_redis_acl.data as Record<string, string>)['users.acl'],
      passwords,
    );
    return startLocalRedis(server as ServerBinary, files, conf, editAcl(acl), at);
  };
  /** The URL of `app` pointed at `at`. */
  const urlOf = (app: string, at = port) => {
    const url = apps.find((a) => a.app === app)!.url();
    url.port = String(at);
    return url;
  };
  /**
   * What a RESP3 connection of `app` hears while the other app writes: the replies to CLIENT TRACKING ON BCAST
   * (every prefix) and DBSIZE, and the push messages received until a PING round trip after a pause (Redis sends
   * BCAST invalidations before it next sleeps: src/tracking.c trackingBroadcastInvalidationMessages).
   */
  const eavesdrop = async (app: string, other: string, at = port) => {
    const listener = await login(urlOf(app, at));
    const owner = await login(urlOf(other, at));
    try {
      const hello = await listener.command('HELLO', 3);
      const tracking = await listener.command('CLIENT', 'TRACKING', 'ON', 'BCAST');
      const dbsize = await listener.command('DBSIZE');
      const key = `${other}:session:tracked-name`;
      expect(await owner.command('SET', key, 'v', 'PX', 60_000)).toBe('OK');
      expect(await owner.command('DEL', key)).toBe(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(await listener.command('PING')).toBe('PONG');
      return { hello, tracking, dbsize, key, pushes: listener.pushes };
    } finally {
      listener.close();
      owner.close();
    }
  };

  beforeAll(async () => {
    port = await freePort();
    redis = await start();
    console.log(`redis.conf rewrites for the local run:\n  ${rewrites.join('\n  ')}`);
  });

  afterAll(async () => {
    await redis?.stop();
    redis?.remove();
  });

  test('only addresses and the local run files were rewritten', () => {
    expect(rewrites.map((r) => r.split(':')[0])).toEqual([
      'bind',
      'port',
      'aclfile',
      'dir',
      'daemonize',
      'pidfile',
      'logfile',
    ]);
  });

  test('the default user cannot log in, with or without a password', async () => {
    const anonymous = await RedisConnection.open(port);
    try {
      expect(isError(await anonymous.command('PING'), /^NOAUTH/)).toBe(true);
      expect(isError(await anonymous.command('GET', 'payload:x'), /^NOAUTH/)).toBe(true);
      expect(isError(await anonymous.command('AUTH', 'anything'), /^WRONGPASS/)).toBe(true);
      expect(isError(await anonymous.command('AUTH', 'default', ''), /^WRONGPASS/)).toBe(true);
    } finally {
      anonymous.close();
    }
  });

  test('a wrong password is refused', async () => {
    const connection = await RedisConnection.open(port);
    expect(isError(await connection.command('AUTH', 'django', 'wrong'), /^WRONGPASS/)).toBe(true);
    connection.close();
  });

  describe.each(apps.map((a) => [a.app, a] as const))('%s, with the URL from its Secret', (app, { url }) => {
    let connection: RedisConnection;
    const other = app === 'payload' ? 'django' : 'payload';
    beforeAll(async () => (connection = await login(url())));
    afterAll(() => connection?.close());

    test('its user is the app and its key prefix the one its Secret names', () => {
      expect(url().username).toBe(app);
      expect(prefixOf(app)).toBe(app);
    });

    test('writes and reads under its prefix (string, hash, TTL, transaction, delete)', async () => {
      const key = `${app}:1:page:home`;
      expect(await connection.command('SET', key, 'cached', 'PX', 60_000)).toBe('OK');
      expect(await connection.command('GET', key)).toBe('cached');
      expect(await connection.command('HSET', `${app}:h`, 'f', 'v')).toBe(1);
      expect(Number(await connection.command('PTTL', key))).toBeGreaterThan(0);
      expect(await connection.pipeline([['MULTI'], ['INCR', `${app}:n`], ['EXEC']])).toEqual([
        'OK',
        'QUEUED',
        [1],
      ]);
      expect(await connection.command('DEL', key, `${app}:h`, `${app}:n`)).toBe(3);
    });

    test("is refused on the other app's keys and on unprefixed keys", async () => {
      expect(isError(await connection.command('SET', `${other}:x`, 'v'), /^NOPERM/)).toBe(true);
      expect(isError(await connection.command('GET', `${other}:1:page:home`), /^NOPERM/)).toBe(true);
      expect(isError(await connection.command('SET', 'x', 'v'), /^NOPERM/)).toBe(true);
    });

    test("cannot list, pick or probe the other app's key names", async () => {
      const owner = await login(apps.find((a) => a.app === other)!.url());
      try {
        expect(await owner.command('SET', `${other}:session:secret-name`, 'v', 'PX', 60_000)).toBe('OK');
        for (const listing of [
          ['SCAN', '0'],
          ['SCAN', '0', 'MATCH', `${other}:*`],
          ['SCAN', '0', 'MATCH', `${app}:*`], // even its own: SCAN's MATCH filters after the walk over every key
          ['KEYS', `${other}:*`],
          ['RANDOMKEY'],
        ])
          expect(isError(await connection.command(...listing), /^NOPERM/)).toBe(true);
        for (const probe of [['EXISTS'], ['TYPE'], ['PTTL'], ['OBJECT', 'ENCODING']])
          expect(isError(await connection.command(...probe, `${other}:session:secret-name`), /^NOPERM/)).toBe(
            true,
          );
      } finally {
        owner.close();
      }
    });

    test("is refused CLIENT TRACKING and DBSIZE and hears no invalidation of the other app's keys", async () => {
      const heard = await eavesdrop(app, other);
      expect(Array.isArray(heard.hello)).toBe(true); // RESP3: the server's map, flattened
      expect(isError(heard.tracking, /^NOPERM/)).toBe(true);
      expect(isError(heard.dbsize, /^NOPERM/)).toBe(true);
      expect(heard.pushes).toEqual([]);
    });

    test.each([
      'FLUSHALL',
      'FLUSHDB',
      'KEYS *',
      'SCAN 0',
      'RANDOMKEY',
      'CONFIG GET maxmemory',
      'CONFIG SET maxmemory 0',
      'INFO',
      'MONITOR',
      'SHUTDOWN',
      'ACL LIST',
      'CLIENT KILL TYPE normal',
      'SUBSCRIBE events',
      'PUBLISH events x',
      'EVAL return 0',
      'MODULE LIST',
    ])('is refused %s', async (command) => {
      expect(isError(await connection.command(...command.split(' ')), /^NOPERM/)).toBe(true);
    });

    test('is refused DEBUG (the server has it off, and the ACL too)', async () => {
      expect(
        isError(await connection.command('DEBUG', 'SLEEP', '0'), /^(NOPERM|ERR DEBUG command not allowed)/),
      ).toBe(true);
    });

    test('cannot leave database 0', async () => {
      expect(isError(await connection.command('SELECT', 1), /out of range/)).toBe(true);
    });
  });

  test("control: with CLIENT TRACKING granted back, django hears payload's key names (what the ACL prevents)", async () => {
    const at = await freePort();
    const control = await start(at, (acl) => acl.replace(/^(user django .*)$/m, '$1 +client|tracking'));
    try {
      const heard = await eavesdrop('django', 'payload', at);
      expect(heard.tracking).toBe('OK');
      expect(heard.pushes).toContainEqual(['invalidate', [heard.key]]);
    } finally {
      await control.stop();
      control.remove();
    }
  });

  test('the monitoring user reads server state, no keys', async () => {
    const connection = await monitoring();
    try {
      expect(infoFields(await connection.command('INFO', 'memory')).get('maxmemory')).toBe(String(maxMemory));
      expect(await connection.command('CONFIG', 'GET', 'save')).toEqual(['save', '']);
      expect(await connection.command('CONFIG', 'GET', 'appendonly')).toEqual(['appendonly', 'no']);
      expect(isError(await connection.command('GET', 'django:x'), /^NOPERM/)).toBe(true);
      expect(isError(await connection.command('CONFIG', 'SET', 'maxmemory', '0'), /^NOPERM/)).toBe(true);
    } finally {
      connection.close();
    }
  });

  test(`memory stays under maxmemory (${dev.cluster.redis.maxMemory}) while twice that is written`, async () => {
    const value = 'x'.repeat(16 * 1024);
    const batch = 256;
    const total = Math.ceil((2 * maxMemory) / value.length);
    const writers = await Promise.all(apps.map((a) => login(a.url())));
    const stats = await monitoring();
    let peak = 0;
    let errors = 0;
    try {
      for (let i = 0; i < total; i += batch) {
        const app = apps[(i / batch) % 2].app;
        const writer = writers[(i / batch) % 2];
        const replies = await writer.pipeline(
          Array.from({ length: Math.min(batch, total - i) }, (_, j) => [
            'SET',
            `${app}:bulk:${i + j}`,
            value,
          ]),
        );
        errors += replies.filter((r) => r !== 'OK').length;
        peak = Math.max(peak, Number(infoFields(await stats.command('INFO', 'memory')).get('used_memory')));
      }
      const info = infoFields(await stats.command('INFO'));
      const keys = Number(await stats.command('DBSIZE'));
      console.log(
        [
          `wrote ${total} × ${value.length} B = ${((total * value.length) / 2 ** 20).toFixed(0)} MiB (2 × maxmemory ${maxMemory / 2 ** 20} MiB), ${errors} errors`,
          `  peak used_memory ${(peak / 2 ** 20).toFixed(1)} MiB, now ${(Number(info.get('used_memory')) / 2 ** 20).toFixed(1)} MiB`,
          `  evicted_keys ${info.get('evicted_keys')}, keys left ${keys} of ${total}`,
        ].join('\n'),
      );
      expect(errors).toBe(0);
      expect(peak).toBeLessThanOrEqual(maxMemory);
      expect(Number(info.get('evicted_keys'))).toBeGreaterThan(0);
      expect(keys).toBeLessThan(total);
    } finally {
      writers.forEach((w) => w.close());
      stats.close();
    }
  });

  test('nothing persists: no file in its directory, empty after a restart', async () => {
    const writer = await login(apps[1].url());
    expect(await writer.command('SET', 'django:survivor', 'v')).toBe('OK');
    writer.close();
    await redis.stop();
    expect(readdirSync(redis.files.dir).filter((f) => /\.(rdb|aof)$|appendonly/.test(f))).toEqual([]);
    expect(existsSync(redis.files.aclFile)).toBe(true);
    redis.remove();
    rewrites.length = 0;
    redis = await start();
    const stats = await monitoring();
    expect(await stats.command('DBSIZE')).toBe(0);
    stats.close();
  });
});
