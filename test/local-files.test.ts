/**
 * What `npm run local` writes, read back: the compose file (Debian's docker-compose accepts it; loopback ports,
 * health checks, nothing privileged, named volumes, one-shots a running service waits for), the credentials (kept,
 * rotated, never in the files that are not secret), the applications' .env files (the contract's variables, the
 * synthesized secrets' names), .env.services.json (the contract's), PgBouncer's config (the chart's file but for the
 * documented differences) and Redis's (the chart's redis.conf, its ACL users).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ENV_SERVICES_FILE, envServicesText } from '../contract/env-services';
import { contractsOf } from '../contract/lookup';
import { applicationContract } from '../contract/services';
import { local } from '../environments/local';
import { generateLocal, type Generated } from '../local-dev/generate';
import { synthEnvironment } from './support/synth';
import { resourcesOfType } from '../synth/terraform-json';

interface Service {
  image: string;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  privileged?: boolean;
  cap_add?: string[];
  network_mode?: string;
  pid?: string;
  tmpfs?: string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, object>;
  secrets: Record<string, { file: string }>;
}

const root = mkdtempSync(join(tmpdir(), 'lightwave-local-files-'));
const dir = join(root, 'local');
afterAll(() => rmSync(root, { recursive: true, force: true }));

let first: Generated;
let compose: Compose;
const read = (path: string) => readFileSync(join(dir, path), 'utf8');
beforeAll(() => {
  first = generateLocal(local, dir);
  compose = parse(read('compose.yaml')) as Compose;
});

/** A service runs once and exits (restart "no"); every other one keeps running. */
const isOneShot = (s: Service) => s.restart === 'no';
const oneShotsOf = (c: Compose) => Object.values(c.services).filter(isOneShot);

describe('compose.yaml', () => {
  test("Debian's docker-compose accepts it (config)", () => {
    const resolved = execFileSync('docker-compose', ['-f', join(dir, 'compose.yaml'), 'config'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(Object.keys((parse(resolved) as Compose).services).sort()).toEqual(
      Object.keys(compose.services).sort(),
    );
  });

  test('runs PostgreSQL 15, the PgBouncer and Redis the chart ships, and the configured object store', () => {
    expect(compose.services.postgres.image).toBe('postgres:15.17-alpine3.23');
    const pg = local.basedOn.cluster.pgbouncer.image;
    expect(compose.services.pgbouncer.image).toBe(`${pg.repository}:${pg.tag}`);
    const redis = local.basedOn.cluster.redis.image;
    expect(compose.services.redis.image).toBe(`${redis.repository}:${redis.tag}`);
    expect(compose.services['object-store'].image).toBe('versity/versitygw:v1.7.0');
  });

  test('every published port is bound to 127.0.0.1, and they are the configured ones', () => {
    const ports = Object.values(compose.services).flatMap((s) => s.ports ?? []);
    expect(ports.length).toBe(Object.keys(local.ports).length);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    expect(ports.map((p) => Number(p.split(':')[1])).sort()).toEqual(Object.values(local.ports).sort());
  });

  test('every long-running service has a health check; one-shots do not restart', () => {
    const running = Object.entries(compose.services).filter(([, s]) => !isOneShot(s));
    expect(running.map(([name]) => name).sort()).toEqual(['object-store', 'pgbouncer', 'postgres', 'redis']);
    for (const [name, service] of running) {
      expect({ name, test: service.healthcheck?.test?.[0] }).toEqual({
        name,
        test: expect.stringMatching(/^CMD(-SHELL)?$/),
      });
    }
    for (const s of oneShotsOf(compose)) expect(s.healthcheck).toBeUndefined();
  });

  test('nothing privileged: no privileged flag, added capabilities, host network or host pid', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      expect({
        name,
        privileged: s.privileged,
        cap_add: s.cap_add,
        network: s.network_mode,
        pid: s.pid,
      }).toEqual({
        name,
        privileged: undefined,
        cap_add: undefined,
        network: undefined,
        pid: undefined,
      });
    }
  });

  test('data lives in named volumes; everything else is a read-only file from local/', () => {
    const mounts = Object.values(compose.services).flatMap((s) => s.volumes ?? []);
    for (const mount of mounts) {
      const [source, , mode] = mount.split(':');
      if (source.startsWith('./')) expect({ mount, mode }).toEqual({ mount, mode: 'ro' });
      else expect(Object.keys(compose.volumes)).toContain(source);
    }
    expect(compose.services.postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(compose.services['object-store'].volumes).toContain('object-store-data:/data');
    // The cache keeps nothing: its working directory is memory, gone with the container.
    expect(compose.services.redis.tmpfs).toEqual(['/data:size=16m']);
  });

  test('every one-shot is waited for by a running service, so `up --wait` ends when the platform is ready', () => {
    const oneShots = Object.entries(compose.services).filter(([, s]) => isOneShot(s));
    expect(oneShots.map(([name]) => name).sort()).toEqual(['object-store-init', 'postgres-bootstrap']);
    for (const [name] of oneShots) {
      const waiters = Object.entries(compose.services).filter(
        ([, s]) => !isOneShot(s) && s.depends_on?.[name]?.condition === 'service_completed_successfully',
      );
      expect({ name, waiters: waiters.length }).toEqual({ name, waiters: 1 });
    }
  });

  test('secrets are files under local/secrets, and no credential appears in compose.yaml', () => {
    for (const secret of Object.values(compose.secrets)) expect(secret.file).toMatch(/^\.\/secrets\/\w+$/);
    const text = read('compose.yaml');
    for (const value of first.credentials.values()) expect(text).not.toContain(value);
  });

  test('the project name comes from local/.env, as both Compose versions read it', () => {
    expect(read('.env')).toBe('COMPOSE_PROJECT_NAME=lightwave-local\n');
  });
});

describe('credentials', () => {
  test('generated once, as letters and digits, and kept by the next run', () => {
    expect(first.generated.length).toBe(first.credentials.size);
    for (const value of first.credentials.values()) expect(value).toMatch(/^[A-Za-z0-9]{20,64}$/);
    const again = generateLocal(local, dir);
    expect(again.generated).toEqual([]);
    expect([...again.credentials]).toEqual([...first.credentials]);
    expect(read('env/payload.env')).toContain(first.credentials.get('password_payload_user'));
  });

  test('a damaged credential file is replaced, the others kept', () => {
    writeFileSync(join(dir, 'secrets', 'password_django_user'), 'not a password!\n');
    const repaired = generateLocal(local, dir);
    expect(repaired.generated).toEqual(['password_django_user']);
    expect(repaired.credentials.get('password_payload_user')).toBe(
      first.credentials.get('password_payload_user'),
    );
  });

  test('--rotate replaces every one, in every file that carries it', () => {
    const before = generateLocal(local, dir).credentials;
    const rotated = generateLocal(local, dir, { rotate: true });
    expect(rotated.generated.length).toBe(before.size);
    for (const [name, value] of before)
      expect({ name, same: rotated.credentials.get(name) === value }).toEqual({ name, same: false });
    const password = rotated.credentials.get('password_payload_user') as string;
    expect(read('secrets/pgbouncer-userlist.txt')).toContain(`"payload_user" "${password}"`);
    expect(read('env/payload.env')).toContain(`payload_user:${password}@`);
  });

  test('no credential in the SQL, the psql scripts or pgbouncer.ini: they read the secret files', () => {
    const { credentials } = generateLocal(local, dir);
    const plain = first.files.filter((f) => !/^(secrets|env)\//.test(f.path)).map((f) => read(f.path));
    for (const text of plain) for (const value of credentials.values()) expect(text).not.toContain(value);
  });

  test('a file an earlier version generated is removed; a credential no longer used is kept', () => {
    writeFileSync(join(dir, 'postgres', '10-access.psql'), '-- an old step\n');
    writeFileSync(join(dir, 'secrets', 'password_retired_role'), 'Abc123\n');
    generateLocal(local, dir);
    expect(existsSync(join(dir, 'postgres', '10-access.psql'))).toBe(false);
    expect(existsSync(join(dir, 'secrets', 'password_retired_role'))).toBe(true);
    expect(existsSync(join(dir, 'postgres', 'bootstrap.sh'))).toBe(true);
  });

  test('local/ is private to the developer; the .env files too', () => {
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'env', 'payload.env')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'postgres', 'bootstrap.sh')).mode & 0o777).toBe(0o755);
    expect(read('.gitignore')).toMatch(/^\*$/m);
  });
});

describe("the applications' .env files", () => {
  const stack = synthEnvironment(local.basedOn);
  const secrets = resourcesOfType(stack, 'kubernetes_secret_v1');
  const keys = (env: string) =>
    read(env)
      .split('\n')
      .filter((l) => /^[A-Z]/.test(l))
      .map((l) => l.slice(0, l.indexOf('=')));

  const live = contractsOf(applicationContract, Object.keys(local.basedOn.cluster.apps));
  test.each(live.map((s) => [`env/${s.app}.env`, `cluster_${s.app}_env`, s] as const))(
    "%s has exactly the contract's variables, the names of the synthesized %s secret",
    (file, secret, service) => {
      const data = secrets[secret].data as Record<string, string>;
      expect(keys(file)).toEqual(service.variables.map((v) => v.name));
      expect(keys(file).sort()).toEqual(Object.keys(data).sort());
    },
  );

  test(".env.services.json is the contract's document, as committed in contract/", () => {
    expect(read('.env.services.json')).toBe(envServicesText(live));
    // Every product live in the environment the laptop mirrors is in the committed document.
    const committed = JSON.parse(readFileSync(join(__dirname, '..', ENV_SERVICES_FILE), 'utf8'));
    expect(JSON.parse(read('.env.services.json')).services).toEqual(
      Object.fromEntries(live.map((s) => [s.service, committed.services[s.service]])),
    );
  });

  test('the session URLs take the session path of the local PgBouncer; the cache URLs the local Redis', () => {
    const value = (file: string, name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(read(file))?.[1];
    const pgbouncer = `127\\.0\\.0\\.1:${local.ports.pgbouncer}`;
    expect(value('env/payload.env', 'DATABASE_SESSION_URI')).toMatch(
      new RegExp(
        `^postgresql://payload_user:\\w+@${pgbouncer}/lightwave_platform_session\\?sslmode=disable$`,
      ),
    );
    expect(value('env/django.env', 'DATABASE_SESSION_URL')).toMatch(
      new RegExp(`^postgresql://django_user:\\w+@${pgbouncer}/lightwave_platform_session\\?sslmode=disable$`),
    );
    expect(value('env/payload.env', 'REDIS_URL')).toMatch(
      new RegExp(`^redis://payload:\\w+@127\\.0\\.0\\.1:${local.ports.redis}/0$`),
    );
    expect(value('env/django.env', 'CACHE_URL')).toMatch(
      new RegExp(`^redis://django:\\w+@127\\.0\\.0\\.1:${local.ports.redis}/0$`),
    );
    expect(value('env/django.env', 'PAYLOAD_API_URL')).toBe('http://localhost:3000/api');
    expect(value('env/payload.env', 'NEXT_PUBLIC_SERVER_URL')).toBe('http://localhost:3000');
  });

  test('values need no quoting in a .env file (no spaces, quotes, # or $)', () => {
    for (const file of ['env/payload.env', 'env/django.env']) {
      for (const line of read(file)
        .split('\n')
        .filter((l) => /^[A-Z]/.test(l))) {
        expect(line).toMatch(/^[A-Z0-9_]+=[^\s"'#$\\`]+$/);
      }
    }
  });

  test('they point at the local PgBouncer and object store, transaction pooling as in the cluster', () => {
    expect(read('env/django.env')).toContain(`\nDB_PORT=${local.ports.pgbouncer}\n`);
    expect(read('env/payload.env')).toMatch(
      new RegExp(
        `DATABASE_URI=postgresql://payload_user:\\w+@127\\.0\\.0\\.1:${local.ports.pgbouncer}/lightwave_platform\\?sslmode=disable`,
      ),
    );
    expect(read('env/payload.env')).toContain(`\nS3_ENDPOINT=http://127.0.0.1:${local.ports.objectStore}\n`);
    expect(read('env/payload.env')).toContain(
      `\nCDN_BASE_URL=http://127.0.0.1:${local.ports.objectStore}/lightwave-media-local\n`,
    );
  });
});

describe('redis', () => {
  const stack = synthEnvironment(local.basedOn);
  test("redis.conf is the chart's file, byte for byte", () => {
    const configMap = resourcesOfType(stack, 'kubernetes_config_map_v1').cluster_redis_config;
    expect(read('redis/redis.conf')).toBe((configMap.data as Record<string, string>)['redis.conf']);
  });

  test("the ACL file is the chart's but for the password hashes, which are the local passwords'", () => {
    const secret = resourcesOfType(stack, 'kubernetes_secret_v1').cluster_redis_acl;
    const hashless = (acl: string) => acl.replace(/#(\$\{[^}]+\}|[0-9a-f]{64})/g, '#<sha256>');
    const { credentials } = generateLocal(local, dir); // the current ones (earlier tests rotated them)
    const mine = read('secrets/redis-users.acl');
    expect(hashless(mine)).toBe(hashless((secret.data as Record<string, string>)['users.acl']));
    const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
    expect(mine).toContain(
      `user payload on resetpass #${sha256(credentials.get('redis_password_payload') as string)} `,
    );
  });

  test('the compose file mounts both where redis.conf says, publishes its port, and labels their hash', () => {
    const conf = read('redis/redis.conf');
    const aclFile = /^aclfile (.+)$/m.exec(conf)?.[1];
    expect(compose.services.redis.volumes).toEqual([
      './redis/redis.conf:/etc/redis/redis.conf:ro',
      `./secrets/redis-users.acl:${aclFile}:ro`,
    ]);
    const port = /^port (\d+)$/m.exec(conf)?.[1];
    expect(compose.services.redis.ports).toEqual([`127.0.0.1:${local.ports.redis}:${port}`]);
  });
});

describe('pgbouncer.ini', () => {
  test("is the chart's file but for the server's address and TLS (the documented differences)", () => {
    const stack = synthEnvironment(local.basedOn);
    const configMap = resourcesOfType(stack, 'kubernetes_config_map_v1').cluster_pgbouncer_config;
    const cluster = (configMap.data as Record<string, string>)['pgbouncer.ini'].split('\n');
    const mine = read('pgbouncer/pgbouncer.ini').split('\n');
    const session = / pool_mode=session pool_size=\d+ reserve_pool=0 max_db_connections=\d+$/;
    expect(mine.filter((l) => !cluster.includes(l))).toEqual([
      'lightwave_platform = host=postgres port=5432 dbname=lightwave_platform',
      expect.stringMatching(
        new RegExp(
          `^lightwave_platform_session = host=postgres port=5432 dbname=lightwave_platform${session.source}`,
        ),
      ),
      'server_tls_sslmode = disable',
    ]);
    const rds = /host=\$\{aws_db_instance\.database_instance\.address\} port=5432 dbname=lightwave_platform/;
    expect(cluster.filter((l) => !mine.includes(l))).toEqual([
      expect.stringMatching(new RegExp(`^lightwave_platform = ${rds.source}`)),
      expect.stringMatching(new RegExp(`^lightwave_platform_session = ${rds.source}${session.source}`)),
      'server_tls_sslmode = require',
    ]);
    // The session line is the same but for the host: same pool size, mode and limits.
    const sessionLine = (lines: string[]) =>
      lines.find((l) => l.startsWith('lightwave_platform_session ='))?.replace(/host=\S+ /, '');
    expect(sessionLine(mine)).toBe(sessionLine(cluster));
  });

  test('the compose file mounts it and the userlist where the ini says, and publishes its port', () => {
    const ini = read('pgbouncer/pgbouncer.ini');
    const authFile = /^auth_file = (.+)$/m.exec(ini)?.[1];
    expect(compose.services.pgbouncer.volumes).toContain(`./secrets/pgbouncer-userlist.txt:${authFile}:ro`);
    expect(compose.services.pgbouncer.volumes).toContain(
      './pgbouncer/pgbouncer.ini:/etc/pgbouncer/pgbouncer.ini:ro',
    );
    const listen = /^listen_port = (\d+)$/m.exec(ini)?.[1];
    expect(compose.services.pgbouncer.ports).toEqual([`127.0.0.1:${local.ports.pgbouncer}:${listen}`]);
  });

  test('a changed userlist changes the label that makes Compose recreate PgBouncer', () => {
    const label = (c: string) => /lightwave\.media\/config-sha256: (\w+)/.exec(c)?.[1];
    const before = label(read('compose.yaml'));
    generateLocal(local, dir, { rotate: true });
    expect(label(read('compose.yaml'))).toMatch(/^[0-9a-f]{64}$/);
    expect(label(read('compose.yaml'))).not.toBe(before);
  });
});
