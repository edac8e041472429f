/**
 * The database access layer inside a whole environment: how the postgresql provider reaches the server, and what a
 * product going live changes across layers (role, grants, PgBouncer pool).
 */
import { dev } from '../environments/dev';
import { resourcesOfType } from '../synth/terraform-json';
import { synthEnvironment, withChange } from './support/synth';

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
  test('going live is a config change: its owner logs in and gets a password, CONNECT and a PgBouncer pool', () => {
    const live = withChange(dev, (e) => {
      e.databaseAccess.roles[2] = {
        name: 'createos_owner',
        login: true,
        connectionLimit: 28,
        statementTimeoutMs: 30000,
      };
      // A third pool needs more connections: a larger class, and max_connections raised within what it holds.
      e.database.instanceClass = 'db.t3.small';
      e.database.parameters.maxConnections = 100;
    });
    const liveStack = synthEnvironment(live);
    expect(resourcesOfType(liveStack, 'random_password')).toHaveProperty(
      'database_access_password_createos_owner',
    );
    expect(resourcesOfType(liveStack, 'postgresql_grant')).toHaveProperty(
      'database_access_grants_connect_createos_owner',
    );
    const config = resourcesOfType(liveStack, 'kubernetes_config_map_v1').cluster_pgbouncer_config;
    expect((config.data as Record<string, string>)['pgbouncer.ini']).toContain(
      'createos_owner = max_user_connections=14',
    );
  });
});
