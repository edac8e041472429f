/**
 * Database access layer: every schema, role, grant and default privilege derived from the access model.
 */
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { SerializedGrants } from '../constructs/serialized-grants';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { synthEnvironment, withChange } from './support/synth';
import { resourcesOfType, type Block } from '../synth/terraform-json';

const stack = synthEnvironment(dev);
const byName = (type: string): Map<string, Block> =>
  new Map(Object.values(resourcesOfType(stack, type)).map((b) => [String(b.name ?? b.role), b]));

describe('roles', () => {
  const roles = byName('postgresql_role');

  test('one role per declared role, none with elevated rights', () => {
    expect([...roles.keys()].sort()).toEqual(
      [...dev.databaseAccess.roles.map((r) => r.name), dev.databaseAccess.monitoringRole.name].sort(),
    );
    for (const role of roles.values()) {
      expect(role).toEqual(
        expect.objectContaining({
          superuser: false,
          create_database: false,
          create_role: false,
          replication: false,
          bypass_row_level_security: false,
          depends_on: ['aws_db_instance.database_instance'],
        }),
      );
    }
  });

  test('login roles: generated password, limit, timeout and search_path in the schema they own', () => {
    expect(roles.get('payload_user')).toEqual(
      expect.objectContaining({
        login: true,
        password: '${random_password.database_access_password_payload_user.result}',
        connection_limit: 28,
        statement_timeout: 30000,
        search_path: ['payload', 'extensions'],
      }),
    );
    expect(resourcesOfType(stack, 'random_password').database_access_password_payload_user).toEqual({
      length: 40,
      special: false,
      min_numeric: 4,
    });
  });

  test('reserved product roles own their schema but cannot log in and have no password', () => {
    const owner = roles.get('createos_owner');
    expect(owner).toEqual(expect.objectContaining({ login: false, search_path: ['createos'] }));
    expect(owner).not.toHaveProperty('password');
    const passwords = Object.keys(resourcesOfType(stack, 'random_password')).filter((n) =>
      n.startsWith('database_access'),
    );
    expect(passwords.sort()).toEqual([
      'database_access_password_django_user',
      'database_access_password_monitoring',
      'database_access_password_payload_user',
    ]);
  });

  test('the monitoring role: pg_monitor, a small limit, a timeout, and the extensions schema as search_path', () => {
    const { monitoringRole } = dev.databaseAccess;
    expect(roles.get(monitoringRole.name)).toEqual(
      expect.objectContaining({
        login: true,
        password: '${random_password.database_access_password_monitoring.result}',
        roles: ['pg_monitor'],
        connection_limit: monitoringRole.connectionLimit,
        statement_timeout: monitoringRole.statementTimeoutMs,
        search_path: [dev.databaseAccess.extensions.schema],
      }),
    );
  });
});

describe('schemas', () => {
  test('each schema is owned by its role and waits for the server', () => {
    const schemas = byName('postgresql_schema');
    expect([...schemas.keys()].sort()).toEqual([
      'cineos',
      'createos',
      'django',
      'extensions',
      'payload',
      'photographyos',
    ]);
    expect(schemas.get('payload')).toEqual(
      expect.objectContaining({
        database: 'lightwave_platform',
        owner: '${postgresql_role.database_access_role_payload_user.name}',
        drop_cascade: false,
        depends_on: ['aws_db_instance.database_instance'],
      }),
    );
  });

  test('production schemas cannot be dropped by a plan; development ones can', () => {
    for (const schema of Object.values(resourcesOfType(synthEnvironment(prod), 'postgresql_schema'))) {
      expect(schema.lifecycle).toEqual({ prevent_destroy: true });
    }
    for (const schema of Object.values(resourcesOfType(stack, 'postgresql_schema'))) {
      expect(schema).not.toHaveProperty('lifecycle');
    }
  });
});

describe('grants', () => {
  const grants = Object.values(resourcesOfType(stack, 'postgresql_grant'));
  const defaults = Object.values(resourcesOfType(stack, 'postgresql_default_privileges'));
  const summary = (b: Block) =>
    `${b.role} ${b.object_type} ${b.schema ?? '-'} [${(b.privileges as string[]).join(',')}]${b.owner ? ` for ${b.owner}` : ''}`;

  test('are exactly what the model implies', () => {
    expect(grants.map(summary).sort()).toEqual([
      'django_user database - [CONNECT]',
      'django_user schema extensions [USAGE]',
      'monitoring database - [CONNECT]',
      'monitoring schema extensions [USAGE]',
      'payload_user database - [CONNECT]',
      'payload_user schema extensions [USAGE]',
      'public database - []',
      'public schema public []',
    ]);
    expect(defaults).toEqual([]);
  });

  test('a whole-schema reader gets USAGE, SELECT on tables and sequences, and the same on later tables', () => {
    const reading = synthEnvironment(
      withChange(dev, (e) => (e.databaseAccess.schemas[1].readers = ['payload_user'])),
    );
    const of = (type: string) =>
      Object.values(resourcesOfType(reading, type))
        .filter((g) => g.schema === 'django')
        .map(summary)
        .sort();
    expect(of('postgresql_grant')).toEqual([
      'payload_user schema django [USAGE]',
      'payload_user sequence django [SELECT]',
      'payload_user table django [SELECT]',
    ]);
    expect(of('postgresql_default_privileges')).toEqual([
      'payload_user sequence django [SELECT] for django_user',
      'payload_user table django [SELECT] for django_user',
    ]);
  });

  test("Django's read switch on: USAGE and SELECT on the listed Payload tables only, nothing for later tables", () => {
    const on = synthEnvironment(
      withChange(
        dev,
        (e) =>
          (e.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: ['pages', 'posts'] }]),
      ),
    );
    const payloadGrants = Object.values(resourcesOfType(on, 'postgresql_grant')).filter(
      (g) => g.schema === 'payload',
    );
    expect(payloadGrants.map((g) => `${summary(g)} ${JSON.stringify(g.objects ?? null)}`).sort()).toEqual([
      'django_user schema payload [USAGE] null',
      'django_user table payload [SELECT] ["pages","posts"]',
    ]);
    expect(resourcesOfType(on, 'postgresql_default_privileges')).toEqual({});
  });

  test('at most one grant per (role, database, schema, object type)', () => {
    const tuples = grants.map((g) => `${g.role}/${g.database}/${g.schema ?? ''}/${g.object_type}`);
    expect(new Set(tuples).size).toBe(tuples.length);
  });

  test('run one after another (no `tuple concurrently updated`), after every role and schema', () => {
    const all = {
      ...resourcesOfType(stack, 'postgresql_grant'),
      ...resourcesOfType(stack, 'postgresql_default_privileges'),
    };
    const address = (name: string) =>
      `${name in resourcesOfType(stack, 'postgresql_grant') ? 'postgresql_grant' : 'postgresql_default_privileges'}.${name}`;
    const dependents = new Map<string, string[]>();
    let first: string | undefined;
    for (const [name, block] of Object.entries(all)) {
      const deps = block.depends_on as string[];
      if (deps.length > 1) first = address(name);
      else dependents.set(deps[0], [...(dependents.get(deps[0]) ?? []), address(name)]);
    }
    expect(first).toBe('postgresql_grant.database_access_grants_revoke_public_database');
    expect((all.database_access_grants_revoke_public_database.depends_on as string[]).sort()).toEqual(
      [
        ...Object.keys(resourcesOfType(stack, 'postgresql_role')).map((n) => `postgresql_role.${n}`),
        ...Object.keys(resourcesOfType(stack, 'postgresql_schema')).map((n) => `postgresql_schema.${n}`),
      ].sort(),
    );
    // A single chain: every grant has exactly one successor except the last.
    let length = 1;
    for (let at = first as string; dependents.has(at); length++) {
      expect(dependents.get(at)).toHaveLength(1);
      at = (dependents.get(at) as string[])[0];
    }
    expect(length).toBe(Object.keys(all).length);
  });

  test('fails clearly when a second grant would claim the same tuple', () => {
    expect(() =>
      Testing.synthScope((scope: Construct) => {
        const set = new SerializedGrants(scope, 'grants', []);
        const read = { role: 'django_user', database: 'db', schema: 'payload', objectType: 'table' as const };
        set.grant('read', { ...read, privileges: ['SELECT'] });
        set.grant('write', { ...read, privileges: ['INSERT'] });
      }),
    ).toThrow(
      /postgresql_grant \(role "django_user", database "db", schema "payload", object_type "table"\) is declared twice, by "read" and "write"/,
    );
  });
});

describe('postgresql provider', () => {
  test('is configured from plan-time values only, as a non-superuser, with TLS and a short timeout', () => {
    expect(stack.provider?.postgresql).toEqual([
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
