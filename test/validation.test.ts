/**
 * Config validation: every rule names the field, the bad value and what is allowed; all failures come at once.
 * The failing cases live in support/validation-cases.ts, where validation-coverage.test.ts checks that every check
 * of environments/rules has one. (Policy waivers: policy/waivers.test.ts; that nothing is synthesized on bad input:
 * app.test.ts.)
 */
import { supportedInstanceClasses } from '../constructs/rds-instance-classes';
import type { EnvironmentConfig } from '../environments/config';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { validateEnvironments } from '../environments/validate';
import { ConfigValidationError, formatFailure } from '../environments/validation';
import { failingCases } from './support/validation-cases';
import { withChange, type Writable } from './support/with-change';

describe('valid configurations', () => {
  test('the registered environments pass every rule', () => {
    expect(validateEnvironments([dev, prod])).toEqual([]);
  });
});

describe.each(failingCases.map((c) => [c.what, c] as const))('fails when %s', (_what, c) => {
  test('naming the field, the value and what is allowed', () => {
    expect(validateEnvironments(c.envs(), c.today)).toContainEqual({
      environment: expect.any(String),
      value: expect.anything(),
      allowed: expect.stringMatching(/\S{3,}/),
      ...c.expected,
    });
  });
});

describe('reporting', () => {
  const broken = () =>
    withChange(dev, (e) => {
      e.aws.accountId = 'abc';
      e.database.instanceClass = 'db.nope';
      e.database.backupRetentionDays = 99;
    });

  test('reports every failure at once', () => {
    const fields = validateEnvironments([broken(), prod]).map((f) => f.field);
    expect(fields.sort()).toEqual([
      'aws.accountId',
      'database.backupRetentionDays',
      'database.instanceClass',
    ]);
  });

  test('a message names environment, field, value and what is allowed', () => {
    const [failure] = validateEnvironments([withChange(dev, (e) => (e.database.port = 80))]);
    expect(formatFailure(failure)).toBe(
      '[dev] database.port: 80 is not allowed; allowed: an integer from 1150 to 65535',
    );
  });

  test('the thrown error lists every failure, counted', () => {
    const error = new ConfigValidationError(validateEnvironments([broken(), prod]));
    expect(error.message).toBe(
      'Environment configuration is invalid (3 errors); nothing was synthesized:\n' +
        '  - [dev] aws.accountId: "abc" is not allowed; allowed: a 12-digit AWS account id\n' +
        `  - [dev] database.instanceClass: "db.nope" is not allowed; allowed: ${supportedInstanceClasses.join(', ')}\n` +
        '  - [dev] database.backupRetentionDays: 99 is not allowed; allowed: an integer from 1 to 35 days for a development environment',
    );
    expect(
      new ConfigValidationError(validateEnvironments([withChange(dev, (e) => (e.database.port = 80)), prod]))
        .message,
    ).toMatch(/^Environment configuration is invalid \(1 error\);/);
  });

  test('the connection budget error shows its arithmetic', () => {
    const greedy = withChange(dev, (e) => {
      e.databaseAccess.roles[0] = {
        name: 'payload_user',
        login: true,
        connectionLimit: 100,
        statementTimeoutMs: 30000,
      };
    });
    const [failure] = validateEnvironments([greedy]);
    expect(failure.allowed).toBe(
      'a sum of at most 107 = max_connections 112 of db.t3.micro − 5 reserved for superusers; got payload_user 100 + django_user 40 = 140',
    );
  });

  test('the PgBouncer budget error shows its arithmetic', () => {
    const failures = validateEnvironments([withChange(dev, (e) => (e.cluster.pgbouncer.replicas = 3))]);
    expect(failures.find((f) => f.field === 'cluster.pgbouncer.defaultPoolSize')?.allowed).toBe(
      "pools within the database's connections: 3 replicas × [(15 + 5 payload_user) + (15 + 5 django_user)] = 120 server connections; " +
        'available: max_connections 112 − 5 reserved − 20 headroom = 87',
    );
  });

  test('a missing part of the config is reported, not thrown', () => {
    const failures = validateEnvironments([
      withChange(dev, (e) => delete (e as Partial<typeof e>).network),
      prod,
    ]);
    expect(failures).toEqual([
      {
        environment: 'dev',
        field: '(structure)',
        value: "Cannot read properties of undefined (reading 'vpcId')",
        allowed: 'a configuration shaped like EnvironmentConfig',
      },
    ]);
  });
});

type Change = (env: Writable<EnvironmentConfig>) => void;

/** Valid variants at the edges of what the rules allow, and in branches dev and prod do not take. */
const validVariants: [string, EnvironmentConfig, Change][] = [
  [
    'a name of 20 characters',
    dev,
    (e) => {
      e.name = 'a'.repeat(20);
      e.state.key = `lightwave-platform/${e.name}/terraform.tfstate`;
    },
  ],
  [
    'windows that touch without overlapping',
    dev,
    (e) => (e.database.maintenanceWindow = 'wed:03:30-wed:04:00'),
  ],
  [
    'verify-full with the RDS CA bundle',
    dev,
    (e) => {
      e.cluster.pgbouncer.serverTlsSslMode = 'verify-full';
      e.cluster.pgbouncer.serverTlsCaBundle =
        '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    },
  ],
  ['an image pinned by digest', dev, (e) => (e.cluster.pgbouncer.image.digest = `sha256:${'0'.repeat(64)}`)],
  [
    'expiry rules',
    dev,
    (e) => (e.cloudflare.media.expiryRules = [{ id: 'tmp_uploads-1', prefix: '', afterDays: 3650 }]),
  ],
];

describe.each(validVariants)('accepts %s', (_what, base, change) => {
  test('without a failure', () => {
    const others = [dev, prod].filter((e) => e.name !== base.name);
    expect(validateEnvironments([withChange(base, change), ...others])).toEqual([]);
  });
});
