/**
 * Validation of the local development setup (environments/local.ts): each rule has a failing case naming the field,
 * the bad value and what is allowed (the cases live in support/validation-cases.ts, where
 * validation-coverage.test.ts checks that every check of environments/rules/local has one); all failures come at
 * once; nothing is written on bad input.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environments } from '../environments';
import { local } from '../environments/local';
import type { LocalConfig } from '../environments/parts/local';
import { validateLocal } from '../environments/validate-local';
import { ConfigValidationError, formatFailure } from '../environments/validation';
import { generateLocal } from '../local-dev/generate';
import { localAreaFailures } from './support/validation-areas';
import { localFailingCases } from './support/validation-cases';
import { withChange, type Writable } from './support/with-change';

type Change = (l: Writable<LocalConfig>) => void;

const changed = (change: Change): LocalConfig => withChange(local, change);

describe('valid configuration', () => {
  test('the local setup and the environment it mirrors pass every rule', () => {
    expect(validateLocal(local).map(formatFailure)).toEqual([]);
  });
});

describe.each(localFailingCases.map((c) => [c.what, c] as const))('fails when %s', (_what, c) => {
  test('naming the field, the value and what is allowed (the rules of its area alone)', () => {
    expect(localAreaFailures(c.local(), environments, c.expected.field)).toContainEqual({
      value: expect.anything(),
      allowed: expect.stringMatching(/\S{3,}/),
      ...c.expected,
    });
  });
});

describe('reporting', () => {
  test('a port taken twice names the service holding it', () => {
    const [failure] = validateLocal(changed((l) => (l.ports.objectStore = l.ports.pgbouncer)));
    expect(formatFailure(failure)).toBe(
      '[local] ports.objectStore: 6432 is not allowed; allowed: a port no other local service uses (ports.pgbouncer is 6432)',
    );
  });

  test('a tunnel port names the environment and its config', () => {
    const [failure] = validateLocal(changed((l) => (l.ports.postgres = 15432)));
    expect(failure.allowed).toBe(
      "a port other than dev's database tunnel (environments/dev.ts databaseAccess.connection 127.0.0.1:15432)",
    );
  });

  test('every failure at once, the mirrored environment’s own included', () => {
    const failures = validateLocal(
      changed((l) => {
        l.ports.postgres = 80;
        l.objectStore.region = 'mars';
        l.basedOn.database.backupRetentionDays = 0; // an environment rule, as cdktf synth would report it
      }),
    );
    expect(failures.map((f) => `${f.environment} ${f.field}`).sort()).toEqual([
      'dev database.backupRetentionDays',
      'local objectStore.region',
      'local ports.postgres',
    ]);
  });

  test('the registry given is the one checked: a port only a new environment tunnels through fails', () => {
    const staging = { ...environments[0], name: 'staging' } as (typeof environments)[number];
    const tunnel = {
      ...staging.databaseAccess,
      connection: { ...staging.databaseAccess.connection, port: 5433 },
    };
    const failures = validateLocal(local, [...environments, { ...staging, databaseAccess: tunnel }]);
    expect(failures.filter((f) => f.environment === 'local').map((f) => f.field)).toEqual(['ports.postgres']);
  });
});

describe('nothing is written on bad input', () => {
  test('generateLocal throws the list of failures and leaves no local/ behind', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lightwave-local-')), 'local');
    try {
      expect(() =>
        generateLocal(
          changed((l) => (l.ports.postgres = 80)),
          dir,
        ),
      ).toThrow(ConfigValidationError);
      expect(() =>
        generateLocal(
          changed((l) => (l.ports.postgres = 80)),
          dir,
        ),
      ).toThrow(/nothing was written to local\/:\n {2}- \[local\] ports\.postgres: 80/);
      expect(existsSync(dir)).toBe(false);
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});

/** The local failures of `field`'s area for the local setup changed by `change`, with the registered environments. */
const areaOf = (field: string, change: Change, registry = environments) =>
  localAreaFailures(changed(change), registry, field).filter((f) => f.field === field);

describe('edges of what the local rules accept', () => {
  const image = (repository: string) => (l: Writable<LocalConfig>) =>
    (l.postgresImage.repository = repository);
  test.each([
    'postgres',
    'my-postgres',
    'team/image_name',
    'ghcr.io/icoretech/pgbouncer-docker',
    'localhost:5000/team/postgres',
  ])('the image repository %s is accepted', (repository) => {
    expect(areaOf('postgresImage.repository', image(repository))).toEqual([]);
  });
  test.each([
    'postgres/',
    '/postgres',
    'postgres-',
    'team/-image',
    'team/image-',
    'team/image__name',
    'localhost:port/postgres',
    'localhost:5000/',
  ])('the image repository %s is refused', (repository) => {
    expect(areaOf('postgresImage.repository', image(repository)).map((f) => f.value)).toEqual([repository]);
  });

  const tag = (value: string) => (l: Writable<LocalConfig>) => (l.objectStore.image.tag = value);
  test.each(['1', 'v1.7.0', '2.31.9_b'])('the image tag %s is accepted', (value) => {
    expect(areaOf('objectStore.image.tag', tag(value))).toEqual([]);
  });
  test.each(['alpine', '-1.7.0', '.1.7.0', '1.7.0 alpine', `1${'0'.repeat(128)}`, 'v1-latest'])(
    'the image tag %s is refused',
    (value) => {
      expect(areaOf('objectStore.image.tag', tag(value)).map((f) => f.value)).toEqual([value]);
    },
  );

  const digest = (value: string) => (l: Writable<LocalConfig>) => (l.objectStore.image.digest = value);
  const hex = '0123456789abcdef'.repeat(4);
  test('a sha256 digest of 64 lowercase hex digits is accepted, nothing around it', () => {
    expect(areaOf('objectStore.image.digest', digest(`sha256:${hex}`))).toEqual([]);
    for (const bad of [`xsha256:${hex}`, `sha256:${hex}0`, 'sha256:0'])
      expect(areaOf('objectStore.image.digest', digest(bad)).map((f) => f.value)).toEqual([bad]);
  });

  test('a project name is refused when anything follows its valid start', () => {
    expect(areaOf('projectName', (l) => (l.projectName = 'lightwave local')).map((f) => f.value)).toEqual([
      'lightwave local',
    ]);
  });

  test('an identifier the bootstrap would quote is refused with the keyword rule in the text', () => {
    const [failure] = areaOf(
      'basedOn.database.databaseName',
      (l) => (l.basedOn.database.databaseName = 'user'),
    );
    expect(failure.allowed).toBe(
      'a lowercase PostgreSQL identifier that needs no quotes: not a keyword such as user, order or select ' +
        '(environments/sql-identifiers.ts)',
    );
  });

  const bucket = (value: string) => (l: Writable<LocalConfig>) => (l.objectStore.bucket = value);
  test.each(['media.1.2.3.4', '1.2.3.4.media', 'lightwave-media-local'])(
    'the bucket %s is accepted',
    (value) => {
      expect(areaOf('objectStore.bucket', bucket(value))).toEqual([]);
    },
  );
  test.each(['192.168.10.20', '1.2.3.4', 'media..local'])('the bucket %s is refused', (value) => {
    expect(areaOf('objectStore.bucket', bucket(value)).map((f) => f.value)).toEqual([value]);
  });

  test('the region auto or an AWS region is accepted', () => {
    expect(areaOf('objectStore.region', (l) => (l.objectStore.region = 'eu-west-1'))).toEqual([]);
    expect(areaOf('objectStore.region', (l) => (l.objectStore.region = 'auto'))).toEqual([]);
  });
});

describe("ports and the environments' tunnels", () => {
  // The mirrored environment is replaced by `basedOn`; the tunnel is set on the other registered one.
  const other = (host: string, port: number) =>
    environments.map((e) =>
      e.name === local.basedOn.name
        ? e
        : withChange(
            e,
            (w) => (w.databaseAccess.connection = { ...w.databaseAccess.connection, host, port }),
          ),
    );

  test.each(['127.0.0.2', 'localhost'])('a tunnel on %s takes its port', (host) => {
    expect(
      areaOf('ports.redis', () => undefined, other(host, local.ports.redis)).map((f) => f.value),
    ).toEqual([local.ports.redis]);
  });

  test('a database reached on another host takes no port of this machine', () => {
    expect(areaOf('ports.redis', () => undefined, other('10.0.0.5', local.ports.redis))).toEqual([]);
  });

  test('a port taken by three services names its first holder each time', () => {
    const failures = areaOf('ports.redis', (l) => {
      l.ports.postgres = l.ports.pgbouncer;
      l.ports.redis = l.ports.pgbouncer;
    });
    expect(failures.map((f) => f.allowed)).toEqual([
      `a port no other local service uses (ports.pgbouncer is ${local.ports.pgbouncer})`,
    ]);
  });
});

describe('settings', () => {
  test('a variable the contract fills from a secret is no setting, and the text lists the config variables', () => {
    const [failure] = areaOf(
      'settings.payload.DATABASE_URL',
      (l) => (l.settings.payload = { DATABASE_URL: 'x' }),
    );
    expect(failure.allowed).toBe(
      'a non-empty value of a config variable of payload-cms (its contract in environments/products/): NEXT_PUBLIC_SERVER_URL',
    );
  });

  test('an application without config variables says none', () => {
    const [failure] = areaOf('settings.django.DEBUG', (l) => (l.settings.django = { DEBUG: 'true' }));
    expect(failure.allowed).toBe(
      'a non-empty value of a config variable of django-api (its contract in environments/products/): none',
    );
  });
});
