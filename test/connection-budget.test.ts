/**
 * The connection budget is the server's truth: each environment pins max_connections in its parameter group, the
 * pinned number fits what the instance class's memory holds, and role limits and PgBouncer pools fit in it with
 * headroom left for admin, migrations and monitoring.
 */
import {
  connectionCapacity,
  RDS_RESERVED_CONNECTIONS,
  supportedInstanceClasses,
} from '../constructs/rds-instance-classes';
import type { EnvironmentConfig } from '../environments/config';
import { environments } from '../environments';
import { parameters } from '../policy/aws';
import { keySettings } from '../review/key-settings';
import { onlyResource } from '../synth/terraform-json';
import { withProductChange } from './support/products';
import { synthEnvironment } from './support/synth';

describe('what an instance class holds', () => {
  test.each([
    ['db.t3.micro', 70],
    ['db.t3.medium', 405],
    ['db.m6g.large', 811],
    ['db.r7g.2xlarge', 5000],
  ])('%s: at most %i connections (conservative memory, RDS formula, capped at 5000)', (cls, expected) => {
    expect(connectionCapacity(cls).maxConnections).toBe(expected);
  });

  // Defaults read on real instances (gist guizmaii/1cacffef793c2ba9645083c3e18b3d8c): the conservative figure must
  // stay below each, or a pinned value could exceed what RDS itself would allow.
  test.each([
    ['db.t3.small', 198, 'db.t2.small'],
    ['db.t3.medium', 413, 'db.t2.medium'],
    ['db.m6g.large', 856, 'db.m4.large / db.t2.large'],
  ])('%s stays below the %i observed on a %s of the same memory', (cls, observed) => {
    expect(connectionCapacity(cls).maxConnections).toBeLessThan(observed);
  });

  test('every supported class has a capacity above the superuser-reserved connections', () => {
    const below = supportedInstanceClasses.filter(
      (cls) => connectionCapacity(cls).maxConnections <= RDS_RESERVED_CONNECTIONS,
    );
    expect(below).toEqual([]);
  });

  test('explains its arithmetic and refuses an unknown class', () => {
    expect(connectionCapacity('db.t3.micro').arithmetic).toBe(
      'db.t3.micro: (1024 MiB − 384 MiB operating-system reserve) / 9531392 bytes per connection = 70',
    );
    expect(() => connectionCapacity('db.z1.mega')).toThrow(
      /database\.instanceClass: "db\.z1\.mega" .*allowed: db\.t3\.micro/,
    );
  });
});

describe.each(environments.map((e) => [e.name, e] as const))('%s', (_name, env) => {
  const pinned = env.database.parameters.maxConnections;
  const pg = env.cluster.pgbouncer;
  const loginRoles = env.databaseAccess.roles.flatMap((r) => (r.login ? [r] : []));

  test(`the parameter group pins max_connections (static, at the next reboot)`, () => {
    const group = onlyResource(synthEnvironment(env), 'aws_db_parameter_group');
    expect(parameters(group).get('max_connections')).toEqual({
      name: 'max_connections',
      value: String(pinned),
      apply_method: 'pending-reboot',
    });
  });

  test(`the pinned max_connections fits ${env.database.instanceClass}'s memory figure`, () => {
    expect(pinned).toBeLessThanOrEqual(connectionCapacity(env.database.instanceClass).maxConnections);
  });

  test('pools + reserve of every replica + the monitoring role + headroom + superuser-reserved ≤ max_connections', () => {
    const pools = pg.replicas * loginRoles.length * (pg.defaultPoolSize + pg.reservePoolSize);
    const monitoring = env.databaseAccess.monitoringRole.connectionLimit;
    expect(pg.connectionHeadroom).toBeGreaterThan(0);
    expect(pools + monitoring + pg.connectionHeadroom + RDS_RESERVED_CONNECTIONS).toBeLessThanOrEqual(pinned);
  });

  test('each role can hold its pools, and the role limits together fit', () => {
    const perRole = pg.replicas * (pg.defaultPoolSize + pg.reservePoolSize);
    for (const role of loginRoles) expect(role.connectionLimit).toBeGreaterThanOrEqual(perRole);
    const sum = loginRoles.reduce((total, r) => total + r.connectionLimit, 0);
    expect(sum + env.databaseAccess.monitoringRole.connectionLimit).toBeLessThanOrEqual(
      pinned - RDS_RESERVED_CONNECTIONS,
    );
  });
});

describe('the review report shows the budget (key settings)', () => {
  const settingsOf = (env = environments[0]) =>
    new Map(keySettings({ config: env, stack: synthEnvironment(env) }));

  test.each(environments.map((e) => [e.name, e] as const))(
    '%s: max_connections and its arithmetic',
    (_n, env) => {
      const settings = settingsOf(env);
      const pinned = env.database.parameters.maxConnections;
      expect(settings.get('max_connections (parameter group)')).toBe(`${pinned} (pending-reboot)`);
      const ceiling = connectionCapacity(env.database.instanceClass);
      expect(settings.get('max_connections ceiling of the class')).toBe(
        `up to ${ceiling.maxConnections}: ${ceiling.arithmetic}`,
      );
      expect(settings.get('PgBouncer connection budget')).toMatch(
        new RegExp(
          `^\\d+ / \\d+ \\(\\d+%\\) server connections: .* available: max_connections ${pinned} − 5 reserved − ${env.cluster.pgbouncer.connectionHeadroom} headroom = \\d+$`,
        ),
      );
      expect(settings.get('role connection limits')).toMatch(/^\d+ ≤ \d+ \(max_connections − 5 reserved\): /);
    },
  );

  test('an environment, in full', () => {
    // Every input of the budget set here, so the example holds whatever dev's sizes become.
    const dev = environments.find((e) => e.tier === 'development') as EnvironmentConfig;
    const pinned = withProductChange(dev, (e) => {
      e.database.parameters.maxConnections = 70;
      Object.assign(e.cluster.pgbouncer, { connectionHeadroom: 6, replicas: 2, defaultPoolSize: 10 });
      Object.assign(e.cluster.pgbouncer, { reservePoolSize: 2, sessionPoolSize: 2 });
      e.productSizes.connectionLimit = 28;
      e.databaseAccess.monitoringRole.connectionLimit = 3;
      for (const [key, entry] of Object.entries(e.products))
        if (key !== 'payload' && key !== 'django') Object.assign(entry, { status: 'reserved' });
    });
    const settings = settingsOf(pinned);
    expect(settings.get('PgBouncer connection budget')).toBe(
      '59 / 59 (100%) server connections: 2 replicas × [(10 + 2 payload_user) + (2 + 0 payload_user session) + (10 + 2 django_user) + ' +
        '(2 + 0 django_user session)] + 3 monitoring = 59 server connections; ' +
        'available: max_connections 70 − 5 reserved − 6 headroom = 59',
    );
    expect(settings.get('role connection limits')).toBe(
      '56 ≤ 65 (max_connections − 5 reserved): payload_user 28 + django_user 28',
    );
  });
});
