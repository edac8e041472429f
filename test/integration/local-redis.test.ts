/**
 * The local Redis as `npm run local` writes it, run for real: the shipped server (or a loud fallback) with
 * local/redis/redis.conf and local/secrets/redis-users.acl, each application connecting with the cache URL of its own
 * .env file.
 *
 * What is rewritten, and nothing else (as test/integration/redis.test.ts does for the cluster's files):
 *   bind, port        0.0.0.0:6379 in the container → 127.0.0.1 and a free port (the URLs' port likewise)
 *   aclfile, dir      the container's mount paths → the temp dir holding the same ACL file
 *   daemonize, pidfile, logfile   redis-server runs daemonized here instead of as a container's process
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractsOf } from '../../contract/lookup';
import { applicationContract } from '../../contract/services';
import { local } from '../../environments/local';
import { generateLocal, type Generated } from '../../local-dev/generate';
import { freePort } from '../support/free-port';
import { redisFiles, redisServerFor, startLocalRedis, type LocalRedis } from '../support/local-redis';
import type { ServerBinary } from '../support/server-binary';
import { RedisConnection, RedisError, type Reply } from '../support/redis-client';

jest.setTimeout(2 * 60_000);

// The shipped version, else a loud fallback to another installed one, else undefined: skipped (server-binary.ts).
const server = redisServerFor(local.basedOn);
const version = server?.version;
const describeRedis = server ? describe : describe.skip;

const isError = (reply: Reply, pattern: RegExp) => reply instanceof RedisError && pattern.test(reply.message);

describeRedis(`redis-server ${version} with the local redis.conf and ACL file`, () => {
  const root = mkdtempSync(join(tmpdir(), 'lightwave-local-redis-'));
  const dir = join(root, 'local');
  let generated: Generated;
  let redis: LocalRedis;
  let port: number;
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  /** `name` of an application's .env file. */
  const envValue = (app: string, name: string) =>
    new RegExp(`^${name}=(.+)$`, 'm').exec(read(`env/${app}.env`))?.[1] as string;
  /** The cache variables of each service, as the contract names them. */
  const caches = contractsOf(applicationContract, Object.keys(local.basedOn.cluster.apps)).map((service) => ({
    app: service.app,
    url: service.variables.find((v) => v.source === 'cache.url')?.name as string,
    prefix: service.variables.find((v) => v.source === 'cache.key-prefix')?.name as string,
  }));

  async function login(user: string, password: string): Promise<RedisConnection> {
    const connection = await RedisConnection.open(port);
    const auth = await connection.command('AUTH', user, password);
    if (auth !== 'OK') throw new Error(`AUTH ${user}: ${String(auth)}`);
    return connection;
  }

  beforeAll(async () => {
    generated = generateLocal(local, dir);
    port = await freePort();
    const files = redisFiles();
    const runFiles: Record<string, string | number> = {
      bind: '127.0.0.1',
      port,
      aclfile: files.aclFile,
      dir: files.dir,
      daemonize: 'yes',
      pidfile: files.pidFile,
      logfile: files.logFile,
    };
    let conf = read('redis/redis.conf');
    for (const [key, value] of Object.entries(runFiles)) {
      const line = new RegExp(`^${key} .*$`, 'm');
      conf = line.test(conf) ? conf.replace(line, `${key} ${value}`) : `${conf}${key} ${value}\n`;
    }
    redis = await startLocalRedis(server as ServerBinary, files, conf, read('secrets/redis-users.acl'), port);
  });

  afterAll(async () => {
    await redis?.stop();
    redis?.remove();
    rmSync(root, { recursive: true, force: true });
  });

  test.each(caches.map((c) => [c.app, c] as const))(
    '%s logs in with its .env URL, works under its prefix and is refused every other key',
    async (app, cache) => {
      const url = new URL(envValue(app, cache.url));
      expect(url.hostname).toBe('127.0.0.1');
      expect(Number(url.port)).toBe(local.ports.redis);
      const connection = await login(url.username, decodeURIComponent(url.password));
      try {
        const prefix = envValue(app, cache.prefix);
        expect(await connection.command('SELECT', url.pathname.slice(1))).toBe('OK');
        expect(await connection.command('SET', `${prefix}:page:1`, 'cached')).toBe('OK');
        expect(await connection.command('GET', `${prefix}:page:1`)).toBe('cached');
        const other = caches.find((c) => c.app !== app)?.app as string;
        expect(isError(await connection.command('GET', `${other}:page:1`), /NOPERM/)).toBe(true);
        expect(isError(await connection.command('FLUSHALL'), /NOPERM/)).toBe(true);
      } finally {
        connection.close();
      }
    },
  );

  test('the default user cannot log in; the monitoring user reads server state and no key', async () => {
    const anonymous = await RedisConnection.open(port);
    try {
      expect(isError(await anonymous.command('GET', 'payload:page:1'), /NOAUTH/)).toBe(true);
      expect(isError(await anonymous.command('AUTH', 'default', ''), /WRONGPASS|invalid/i)).toBe(true);
    } finally {
      anonymous.close();
    }
    const monitoring = await login(
      'monitoring',
      generated.credentials.get('redis_password_monitoring') as string,
    );
    try {
      expect(String(await monitoring.command('INFO', 'memory'))).toContain('maxmemory_policy:');
      expect(isError(await monitoring.command('GET', 'payload:page:1'), /NOPERM/)).toBe(true);
    } finally {
      monitoring.close();
    }
  });
});
