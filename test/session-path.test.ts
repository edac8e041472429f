/**
 * The session path as synthesized: a [databases] entry of its own with session pooling and a small pool, each user's
 * cap raised by exactly that pool, a full reset between session clients, the budget counting it, and its URL in each
 * application's Secret.
 */
import { renderPgBouncerIni } from '../charts/pgbouncer/ini';
import { connectionBudgetOf } from '../environments/connection-budget';
import { environments } from '../environments';
import { synthEnvironment } from './support/synth';
import { resourcesOfType } from '../synth/terraform-json';

describe.each(environments.map((env) => [env.name, env] as const))('%s', (_name, env) => {
  const stack = synthEnvironment(env);
  const pg = env.cluster.pgbouncer;
  const db = env.database.databaseName;
  const ini = (
    resourcesOfType(stack, 'kubernetes_config_map_v1').cluster_pgbouncer_config.data as Record<string, string>
  )['pgbouncer.ini'];
  const loginRoles = env.databaseAccess.roles.filter((r) => r.login).map((r) => r.name);

  test('a session-pooled entry for the same database, with its own bounded pool and no reserve', () => {
    expect(ini).toContain(
      `${db}_session = host=\${aws_db_instance.database_instance.address} port=${env.database.port} dbname=${db} ` +
        `pool_mode=session pool_size=${pg.sessionPoolSize} reserve_pool=0 max_db_connections=${pg.sessionPoolSize * loginRoles.length}\n`,
    );
    expect(ini).toMatch(/^pool_mode = transaction$/m);
    expect(ini).toMatch(/^server_reset_query = DISCARD ALL$/m);
  });

  test("each user's cap holds its transaction pool, its reserve and its session pool", () => {
    for (const role of loginRoles) {
      expect(ini).toContain(
        `${role} = max_user_connections=${pg.defaultPoolSize + pg.reservePoolSize + pg.sessionPoolSize}\n`,
      );
    }
  });

  test('the budget counts the session pools, and fits', () => {
    const budget = connectionBudgetOf(env);
    expect(budget.needed).toBe(
      pg.replicas * loginRoles.length * (pg.defaultPoolSize + pg.reservePoolSize + pg.sessionPoolSize) +
        env.databaseAccess.monitoringRole.connectionLimit,
    );
    expect(budget.arithmetic).toContain(`(${pg.sessionPoolSize} + 0 payload_user session)`);
    expect(budget.fits).toBe(true);
  });

  test("each application's Secret holds the session URL next to the transaction URL", () => {
    const secrets = resourcesOfType(stack, 'kubernetes_secret_v1');
    const payload = secrets.cluster_payload_env.data as Record<string, string>;
    const django = secrets.cluster_django_env.data as Record<string, string>;
    expect(payload.DATABASE_SESSION_URI).toBe(payload.DATABASE_URI.replace(`/${db}?`, `/${db}_session?`));
    expect(django.DATABASE_SESSION_URL).toBe(django.DATABASE_URL.replace(`/${db}?`, `/${db}_session?`));
  });
});

test('without a session-pooled entry, pgbouncer.ini writes no reset settings and no per-database pool', () => {
  const ini = renderPgBouncerIni({
    version: '1.25.2',
    listenAddress: '0.0.0.0',
    listenPort: 6432,
    databases: [{ name: 'db', host: 'h', port: 5432, dbname: 'db' }],
    authFile: '/a',
    defaultPoolSize: 5,
    reservePoolSize: 1,
    reservePoolTimeoutSeconds: 3,
    maxClientConnections: 10,
    queryWaitTimeoutSeconds: 15,
    maxDbConnections: 6,
    users: [{ name: 'u', maxConnections: 6 }],
    serverTlsSslMode: 'require',
    ignoreStartupParameters: [],
    adminUsers: ['a'],
    statsUsers: ['s'],
  });
  expect(ini).toContain('db = host=h port=5432 dbname=db\n');
  expect(ini).not.toContain('server_reset_query');
});
