/**
 * Config validation: every rule names the field, the bad value and what is allowed; all failures come at once.
 * The failing cases live in support/validation-cases.ts, where validation-coverage.test.ts checks that every check
 * of environments/rules has one. Most tests run only the rules of the field's area (support/validation-areas.ts). (Policy waivers: policy/waivers.test.ts; that nothing is synthesized on bad input:
 * app.test.ts.)
 */
import { supportedInstanceClasses } from '../constructs/rds-instance-classes';
import type { EnvironmentConfig } from '../environments/config';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { CONNECTION_BUDGET_FIELD } from '../environments/rules/connection-budget';
import { validateEnvironments } from '../environments/validate';
import { ConfigValidationError, formatFailure } from '../environments/validation';
import { areaFailures } from './support/validation-areas';
import { failingCases } from './support/validation-cases';
import { withProductChange } from './support/products';
import { withChange, type Writable } from './support/with-change';

describe('valid configurations', () => {
  test('the registered environments pass every rule', () => {
    expect(validateEnvironments([dev, prod])).toEqual([]);
    const restoring = withChange(prod, (e) => {
      e.database.identifier = 'lightwave-prod-r1';
      e.database.restore = {
        from: {
          pointInTime: {
            sourceInstance: 'lightwave-prod',
            time: new Date(Date.now() - 3_600_000).toISOString().slice(0, 19) + 'Z',
          },
        },
        replaces: 'lightwave-prod',
        destroyReplacedInstance: true,
      };
    });
    expect(validateEnvironments([dev, restoring])).toEqual([]);
  });
});

describe.each(failingCases.map((c) => [c.what, c] as const))('fails when %s', (_what, c) => {
  test('naming the field, the value and what is allowed', () => {
    const failures =
      c.expected.environment === 'registry'
        ? validateEnvironments(c.envs(), c.today)
        : areaFailures(c.envs(), c.expected.field, c.today);
    expect(failures).toContainEqual({
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
    const failures = validateEnvironments([greedy, prod]);
    expect(failures.map((f) => f.field)).toEqual([CONNECTION_BUDGET_FIELD]); // one error, the budget's
    expect(failures[0].allowed).toMatch(
      /; and the login roles' connection limits at most what the instance offers them \(max_connections − 5 = \d+\): payload_user 100 \+ (\w+ \d+ \+ )+monitoring \d+ = \d+$/,
    );
  });

  test('the max_connections error shows what the instance class holds', () => {
    const failures = validateEnvironments([
      withChange(dev, (e) => (e.database.parameters.maxConnections = 87)),
    ]);
    expect(failures.find((f) => f.field === 'database.parameters.maxConnections')?.allowed).toBe(
      "an integer from 6 to 70, what the instance class's memory holds: " +
        'db.t3.micro: (1024 MiB − 384 MiB operating-system reserve) / 9531392 bytes per connection = 70',
    );
  });

  test('the drain error names the role whose statements need the time', () => {
    const failures = validateEnvironments([withChange(dev, (e) => (e.cluster.pgbouncer.drainSeconds = 30))]);
    expect(failures.find((f) => f.field === 'cluster.pgbouncer.drainSeconds')?.allowed).toBe(
      "at least 40 = payload_user's statement timeout (30000 ms) + a connection max age of 10 s, so its clients leave a stopping PgBouncer pod with their statement finished",
    );
  });

  test('the connection budget error shows its arithmetic, each input named with its value', () => {
    // Every input of the budget set here, so the example holds whatever dev's sizes become.
    const pinned = withProductChange(dev, (e) => {
      Object.assign(e.database, { instanceClass: 'db.t3.micro' });
      e.database.parameters.maxConnections = 70;
      Object.assign(e.cluster.pgbouncer, {
        connectionHeadroom: 6,
        replicas: 3,
        defaultPoolSize: 10,
        reservePoolSize: 2,
        sessionPoolSize: 2,
      });
      e.productSizes.connectionLimit = 28;
      e.databaseAccess.monitoringRole.connectionLimit = 3;
      for (const [key, entry] of Object.entries(e.products))
        if (key !== 'payload' && key !== 'django') Object.assign(entry, { status: 'reserved' });
    });
    const failures = validateEnvironments([pinned, prod]);
    expect(failures.map(formatFailure)).toEqual([
      '[dev] (connection budget): "87 server connections needed, 59 available; 42 per login role, above its ' +
        'connection limit" is not allowed; allowed: at most 59 server connections = ' +
        'database.parameters.maxConnections 70 − 5 superuser-reserved − cluster.pgbouncer.connectionHeadroom 6; ' +
        "needed: cluster.pgbouncer.replicas 3 × 2 login roles (payload_user of products.payload.status 'live', " +
        "django_user of products.django.status 'live') × " +
        '(cluster.pgbouncer.defaultPoolSize 10 + cluster.pgbouncer.reservePoolSize 2 + cluster.pgbouncer.sessionPoolSize 2) ' +
        "+ databaseAccess.monitoringRole.connectionLimit 3 = 87; and each login role's connection limit at least its " +
        'pools on every replica, 3 × 14 = 42: productSizes.connectionLimit 28 (payload_user, django_user) cannot fill them',
    ]);
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

/** What a failure says is allowed, word for word, where it lists or computes the allowed values. */
/** The platform namespace's position among the namespaces (sorted by name). */
const SHARED = dev.cluster.namespaces.findIndex((n) => n.name === dev.cluster.platformNamespace.name);

const allowedTexts: [string, EnvironmentConfig, Change, string, string][] = [
  [
    'unknown bootstrap backend',
    dev,
    (e) => (e.delivery.bootstrapBackend = 'gcs' as never),
    'delivery.bootstrapBackend',
    'local | s3',
  ],
  [
    'an administrator of another account',
    dev,
    (e) => (e.delivery.administratorArns = ['arn:aws:iam::999999999999:role/admin']),
    'delivery.administratorArns[0]',
    'an IAM role or user ARN in account 111111111111, without wildcards',
  ],
  [
    'a deploy role given an STS action',
    dev,
    (e) => e.delivery.deployRole.serviceActions.push('sts:TagSession'),
    `delivery.deployRole.serviceActions[${dev.delivery.deployRole.serviceActions.length}]`,
    'a service action without a service-wide wildcard, outside iam, sts, s3, organizations, account (the bootstrap stack scopes those itself)',
  ],
  [
    'max_connections of an unknown instance class',
    dev,
    (e) =>
      Object.assign(e.database, {
        instanceClass: 'db.x9.huge',
        parameters: { ...e.database.parameters, maxConnections: 5 },
      }),
    'database.parameters.maxConnections',
    'an integer from 6 (above the 5 superuser-reserved connections)',
  ],
  [
    'a drain five seconds short',
    dev,
    (e) => (e.cluster.pgbouncer.drainSeconds = 35),
    'cluster.pgbouncer.drainSeconds',
    "at least 40 = payload_user's statement timeout (30000 ms) + a connection max age of 10 s, so its clients leave a stopping PgBouncer pod with their statement finished",
  ],
  ['unknown tier', dev, (e) => (e.tier = 'staging' as never), 'tier', 'development | production'],
  [
    'unknown Pod Security level',
    dev,
    (e) => (e.cluster.namespaces[0].podSecurity.enforce = 'strict' as never),
    'cluster.namespaces[0].podSecurity.enforce',
    'privileged | baseline | restricted',
  ],
  [
    'provider without TLS',
    dev,
    (e) => (e.databaseAccess.connection.sslMode = 'disable' as never),
    'databaseAccess.connection.sslMode',
    'require | verify-ca | verify-full',
  ],
  [
    'unknown schema owner',
    dev,
    (e) => (e.databaseAccess.schemas[0].owner = 'payload'),
    'databaseAccess.schemas[0].owner',
    'a declared role (payload_user, django_user, createos_owner, cineos_owner, photographyos_owner)',
  ],
  [
    'reserved database name',
    dev,
    (e) => (e.database.databaseName = 'template1'),
    'database.databaseName',
    'a PostgreSQL identifier (lowercase, digits, underscores) other than postgres, template0, template1, rdsadmin',
  ],
  [
    'reserved master user',
    dev,
    (e) => (e.database.masterUsername = 'postgres'),
    'database.masterUsername',
    'a lowercase PostgreSQL role name that is not one of postgres, admin, root, rdsadmin, rdsrepladmin, rds_superuser, master',
  ],
  [
    'log retention CloudWatch does not offer',
    dev,
    (e) => (e.database.logRetentionDays = 10),
    'database.logRetentionDays',
    '1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653',
  ],
  [
    'monitoring interval',
    dev,
    (e) => (e.database.monitoringIntervalSeconds = 0),
    'database.monitoringIntervalSeconds',
    '1, 5, 10, 15, 30, 60',
  ],
  [
    'outdated certificate authority',
    dev,
    (e) => (e.database.caCertIdentifier = 'rds-ca-2019'),
    'database.caCertIdentifier',
    'rds-ca-rsa2048-g1, rds-ca-rsa4096-g1, rds-ca-ecc384-g1',
  ],
  [
    'PgBouncer in an undeclared namespace',
    dev,
    (e) => (e.cluster.pgbouncer.namespace = 'pooling'),
    'cluster.pgbouncer.namespace',
    `a declared namespace (${dev.cluster.namespaces.map((n) => n.name).join(', ')})`,
  ],
  [
    'app in an undeclared namespace',
    dev,
    (e) => (e.cluster.apps.payload.namespace = 'cms'),
    'cluster.apps.payload.namespace',
    `a declared namespace (${dev.cluster.namespaces.map((n) => n.name).join(', ')})`,
  ],
  [
    'app connecting as a reserved role',
    dev,
    (e) => (e.cluster.apps.django.databaseRole = 'monitoring'),
    'cluster.apps.django.databaseRole',
    `a declared login role (${dev.databaseAccess.roles.flatMap((r) => (r.login ? [r.name] : [])).join(', ')})`,
  ],
  [
    'unknown R2 location',
    dev,
    (e) => (e.cloudflare.media.locationHint = 'mars' as never),
    'cloudflare.media.locationHint',
    'apac | eeur | enam | weur | wnam | oc',
  ],
  [
    'TLS 1.1 on the CDN',
    dev,
    (e) => (e.cloudflare.cdn.minTlsVersion = '1.1' as never),
    'cloudflare.cdn.minTlsVersion',
    '1.2 | 1.3',
  ],
  [
    'CDN domain outside the zone',
    dev,
    (e) => (e.cloudflare.cdn.domain = 'cdn.lightwave.media'),
    'cloudflare.cdn.domain',
    'a name inside the zone lightwave-media.site',
  ],
  [
    'CDN domain that is the zone apex',
    dev,
    (e) => (e.cloudflare.cdn.domain = 'lightwave-media.site'),
    'cloudflare.cdn.domain',
    'a name inside the zone lightwave-media.site',
  ],
];

describe.each(allowedTexts)('names what is allowed: %s', (_what, base, change, field, allowed) => {
  test('word for word', () => {
    const failure = areaFailures([withChange(base, change)], field).find((f) => f.field === field);
    expect(failure?.allowed).toBe(allowed);
  });
});

/** Changes whose failures must be exactly these: one bad input is not reported again, or as a crash, elsewhere. */
const exactFailures: [string, EnvironmentConfig, Change, string[]][] = [
  [
    'a drain of zero seconds (the per-role drain check waits for a valid drain)',
    dev,
    (e) => (e.cluster.pgbouncer.drainSeconds = 0),
    ['cluster.pgbouncer.drainSeconds'],
  ],
  [
    'a statement timeout above an hour (the drain check skips a role whose timeout is invalid)',
    dev,
    (e) => Object.assign(e.databaseAccess.roles[0], { statementTimeoutMs: 4_000_000 }),
    ['databaseAccess.roles[0].statementTimeoutMs'],
  ],
  [
    'a malformed account id (administrator ARNs are judged by shape only)',
    dev,
    (e) => (e.aws.accountId = 'abc'),
    ['aws.accountId'],
  ],
  ['a malformed backup window', dev, (e) => (e.database.backupWindow = '3am'), ['database.backupWindow']],
  [
    'a malformed maintenance window',
    dev,
    (e) => (e.database.maintenanceWindow = 'sunday'),
    ['database.maintenanceWindow'],
  ],
  [
    'allocated storage out of range',
    dev,
    (e) => Object.assign(e.database, { allocatedStorageGiB: 10, maxAllocatedStorageGiB: 21 }),
    ['database.allocatedStorageGiB'],
  ],
  [
    'an unparsable limit range minimum',
    dev,
    (e) => (e.cluster.namespaces[SHARED].limitRange.min.cpu = 'lots'),
    [`cluster.namespaces[${SHARED}].limitRange.min.cpu`],
  ],
  [
    'an unparsable PgBouncer request',
    dev,
    (e) => (e.cluster.pgbouncer.resources.requests.memory = 'lots'),
    ['cluster.pgbouncer.resources.requests.memory'],
  ],
  [
    'an unparsable PgBouncer limit',
    dev,
    (e) => (e.cluster.pgbouncer.resources.limits.cpu = 'lots'),
    ['cluster.pgbouncer.resources.limits.cpu'],
  ],
  [
    'PgBouncer in an undeclared namespace',
    dev,
    (e) => (e.cluster.pgbouncer.namespace = 'pooling'),
    ['cluster.pgbouncer.namespace'],
  ],
  [
    '21 PgBouncer replicas',
    dev,
    (e) => Object.assign(e.cluster.pgbouncer, { replicas: 21, defaultPoolSize: 1, reservePoolSize: 0 }),
    ['cluster.pgbouncer.replicas'],
  ],
  [
    'a malformed zone name',
    dev,
    (e) => (e.cloudflare.cdn.zoneName = 'lightwave_media.site'),
    ['cloudflare.cdn.domain', 'cloudflare.cdn.zoneName'],
  ],
];

describe.each(exactFailures)('reports exactly, for %s', (_what, base, change, fields) => {
  test('its own failures and nothing else', () => {
    const failures = validateEnvironments([withChange(base, change)]).filter(
      (f) => f.environment !== 'registry',
    );
    expect(failures.map((f) => f.field).sort()).toEqual(fields);
  });
});

describe('across more environments', () => {
  test('each zone needs its own cache-rules owner; another zone does not count', () => {
    const other = withChange(dev, (e) => {
      e.name = 'other';
      e.state.key = 'lightwave-platform/other/terraform.tfstate';
      e.database.identifier = 'lightwave-other';
      e.delivery.githubEnvironment = 'other';
      e.delivery.planRole.name = 'lightwave-other-plan';
      e.delivery.deployRole.name = 'lightwave-other-deploy';
      e.cloudflare.media.bucketName = 'lightwave-media-other';
      e.cloudflare.cdn = {
        ...e.cloudflare.cdn,
        zoneId: 'abcdefabcdefabcdefabcdefabcdef12',
        zoneName: 'other-media.site',
        domain: 'cdn.other-media.site',
        managesZoneCacheRules: true,
      };
    });
    expect(validateEnvironments([dev, prod, other])).toEqual([]);
  });

  test('a value shared by three environments names all of them', () => {
    const twin = (name: string) =>
      withChange(prod, (e) => {
        e.name = name;
        e.state.key = `lightwave-platform/${name}/terraform.tfstate`;
        e.database.identifier = `lightwave-${name}`;
        e.delivery.githubEnvironment = name;
        e.delivery.planRole.name = `lightwave-${name}-plan`;
        e.delivery.deployRole.name = `lightwave-${name}-deploy`;
        e.cloudflare.cdn.domain = `cdn-${name}.lightwave-media.site`;
        e.cloudflare.cdn.managesZoneCacheRules = false;
      });
    const failures = validateEnvironments([dev, prod, twin('a'), twin('b')]);
    expect(failures).toEqual([
      {
        environment: 'registry',
        field: 'cloudflare.media.bucketName',
        value: 'lightwave-media',
        allowed: 'a value no other environment uses (shared by prod, a, b)',
      },
    ]);
  });

  test('the zone rule names the environments of the zone', () => {
    const failures = validateEnvironments([
      dev,
      withChange(prod, (e) => (e.cloudflare.cdn.managesZoneCacheRules = false)),
    ]);
    expect(failures).toEqual([
      {
        environment: 'registry',
        field: 'cloudflare.cdn.managesZoneCacheRules',
        value: [],
        allowed:
          'exactly one of dev, prod (zone fedcba9876543210fedcba9876543210 has one cache-rules ruleset)',
      },
    ]);
  });
});

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
    const failures = validateEnvironments([withChange(base, change)]).filter(
      (f) => f.environment !== 'registry',
    );
    expect(failures).toEqual([]);
  });
});
