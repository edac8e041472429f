/**
 * Validation of the local development setup (environments/local.ts): each rule has a failing case naming the field,
 * the bad value and what is allowed; all failures come at once; nothing is written on bad input.
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
import type { Writable } from './support/synth';

type Change = (l: Writable<LocalConfig>) => void;

function changed(change: Change): LocalConfig {
  const copy = structuredClone(local) as Writable<LocalConfig>;
  change(copy);
  return copy;
}

/** [what is wrong, change, field expected in the failure, bad value expected in the failure] */
const badInputs: [string, Change, string, unknown][] = [
  ['a port below 1024', (l) => (l.ports.postgres = 543), 'ports.postgres', 543],
  ['a port above 65535', (l) => (l.ports.objectStore = 70000), 'ports.objectStore', 70000],
  ['a port given twice', (l) => (l.ports.objectStore = l.ports.pgbouncer), 'ports.objectStore', 6432],
  ["a port dev's database tunnel already takes", (l) => (l.ports.postgres = 15432), 'ports.postgres', 15432],
  [
    "a port prod's database tunnel already takes",
    (l) => (l.ports.pgbouncer = 25432),
    'ports.pgbouncer',
    25432,
  ],
  ['a Redis port given twice', (l) => (l.ports.redis = l.ports.postgres), 'ports.redis', 5433],
  [
    'a setting the contract does not give the application from config',
    (l) => (l.settings.django = { DEBUG: 'true' }),
    'settings.django.DEBUG',
    'true',
  ],
  [
    'an empty setting',
    (l) => (l.settings.payload = { NEXT_PUBLIC_SERVER_URL: ' ' }),
    'settings.payload.NEXT_PUBLIC_SERVER_URL',
    ' ',
  ],
  ['an image tagged latest', (l) => (l.postgresImage.tag = 'latest'), 'postgresImage.tag', 'latest'],
  [
    'an image tag without a version',
    (l) => (l.objectStore.image.tag = 'edge'),
    'objectStore.image.tag',
    'edge',
  ],
  [
    'an image repository with uppercase letters',
    (l) => (l.objectStore.initImage.repository = 'Amazon/aws-cli'),
    'objectStore.initImage.repository',
    'Amazon/aws-cli',
  ],
  [
    'a digest that is not sha256',
    (l) => (l.postgresImage.digest = 'md5:abc'),
    'postgresImage.digest',
    'md5:abc',
  ],
  [
    "PostgreSQL of another major than the environment's",
    (l) => (l.postgresImage.tag = '16.9-alpine3.23'),
    'postgresImage.tag',
    '16.9-alpine3.23',
  ],
  [
    'a bucket name with uppercase letters',
    (l) => (l.objectStore.bucket = 'Lightwave-Media'),
    'objectStore.bucket',
    'Lightwave-Media',
  ],
  [
    "the name of prod's real bucket",
    (l) => (l.objectStore.bucket = 'lightwave-media'),
    'objectStore.bucket',
    'lightwave-media',
  ],
  ['a region clients cannot sign for', (l) => (l.objectStore.region = 'mars'), 'objectStore.region', 'mars'],
  [
    'a project name Compose refuses',
    (l) => (l.projectName = 'Lightwave Local'),
    'projectName',
    'Lightwave Local',
  ],
  [
    'a role name the bootstrap SQL would have to quote',
    (l) => {
      l.basedOn.databaseAccess.roles[4].name = 'user';
      l.basedOn.databaseAccess.schemas[4].owner = 'user';
    },
    'basedOn.databaseAccess.roles[4].name',
    'user',
  ],
  [
    'a schema name the bootstrap SQL would have to quote',
    (l) => (l.basedOn.databaseAccess.schemas[3].name = 'order'),
    'basedOn.databaseAccess.schemas[3].name',
    'order',
  ],
  [
    'a monitoring role name the bootstrap SQL would have to quote',
    (l) => (l.basedOn.databaseAccess.monitoringRole.name = 'current_role'),
    'basedOn.databaseAccess.monitoringRole.name',
    'current_role',
  ],
  [
    'an extensions schema name the bootstrap SQL would have to quote',
    (l) => (l.basedOn.databaseAccess.extensions.schema = 'table'),
    'basedOn.databaseAccess.extensions.schema',
    'table',
  ],
  [
    'a table of the read switch the bootstrap SQL would have to quote',
    (l) => (l.basedOn.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: ['Pages'] }]),
    'basedOn.databaseAccess.schemas[0].tableReaders[0].tables[0]',
    'Pages',
  ],
  [
    'a master user name the bootstrap SQL would have to quote',
    (l) => (l.basedOn.database.masterUsername = 'session_user'),
    'basedOn.database.masterUsername',
    'session_user',
  ],
  [
    'a database name the bootstrap SQL would have to quote',
    (l) => (l.basedOn.database.databaseName = 'select'),
    'basedOn.database.databaseName',
    'select',
  ],
];

describe('valid configuration', () => {
  test('the local setup and the environment it mirrors pass every rule', () => {
    expect(validateLocal(local).map(formatFailure)).toEqual([]);
  });
});

describe.each(badInputs)('fails when %s', (_what, change, field, value) => {
  test('naming the field, the value and what is allowed', () => {
    const failures = validateLocal(changed(change)).filter((f) => f.environment === 'local');
    expect(failures).toContainEqual(expect.objectContaining({ field, value }));
    const failure = failures.find((f) => f.field === field);
    expect(failure?.allowed.length).toBeGreaterThan(10);
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
