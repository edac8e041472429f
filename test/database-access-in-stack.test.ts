/**
 * The database access layer inside a whole environment: how the postgresql provider reaches the server, and what a
 * product going live changes across layers (role, grants, PgBouncer pool).
 */
import { environments } from '../environments';
import { dev } from '../environments/dev';
import { resourcesOfType } from '../synth/terraform-json';
import { launchTargets, withLaunched } from './support/products';
import { synthEnvironment } from './support/synth';

describe('postgresql provider', () => {
  test('is configured from plan-time values only, as a non-superuser, with TLS and a short timeout', () => {
    expect(synthEnvironment(dev).provider?.postgresql).toEqual([
      {
        host: '127.0.0.1',
        port: 15432,
        database: 'lightwave_platform',
        username: 'lightwave_admin',
        sslmode: 'require',
        superuser: false,
        expected_version: '15',
        connect_timeout: 15,
      },
    ]);
  });
});

describe('a new product', () => {
  const launchable = launchTargets(environments).flatMap(([key, env]) => (env ? [[key, env] as const] : []));
  if (launchable.length > 0)
    test.each(launchable)(
      'going live is a config change: %s gets a password, CONNECT and a PgBouncer pool',
      (key, env) => {
        const live = withLaunched(env, [key]);
        const role = live.databaseAccess.roles.find(
          (r) => r.login && !env.databaseAccess.roles.find((d) => d.name === r.name)?.login,
        );
        const liveStack = synthEnvironment(live);
        expect(resourcesOfType(liveStack, 'random_password')).toHaveProperty(
          `database_access_password_${role?.name}`,
        );
        expect(resourcesOfType(liveStack, 'postgresql_grant')).toHaveProperty(
          `database_access_grants_connect_${role?.name}`,
        );
        const pg = live.cluster.pgbouncer;
        const config = resourcesOfType(liveStack, 'kubernetes_config_map_v1').cluster_pgbouncer_config;
        expect((config.data as Record<string, string>)['pgbouncer.ini']).toContain(
          `${role?.name} = max_user_connections=${pg.defaultPoolSize + pg.reservePoolSize + pg.sessionPoolSize}`,
        );
      },
    );
});
