/**
 * Database access layer: every schema, role, grant and default privilege derived from the access model.
 *
 * Each test synthesizes the layer on its own (in a stack with readable addresses, behind a stand-in for the RDS
 * instance), so the mutation run attributes every line of the layer to the tests that exercise it.
 * How the layer sits in a whole environment (provider, PgBouncer pools) is in database-access-in-stack.test.ts.
 */
import { Testing, TerraformResource } from 'cdktf';
import type { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { SerializedGrants } from '../constructs/serialized-grants';
import type { EnvironmentConfig } from '../environments/config';
import { dev } from '../environments/dev';
import type { DatabaseAccessConfig } from '../environments/parts/database-access';
import { prod } from '../environments/prod';
import { DatabaseAccessLayer, type DatabaseAccessOutputs } from '../stacks/database-access';
import { ReadableAddressStack } from '../stacks/readable-stack';
import { resourcesOfType, type Block, type TerraformJson } from '../synth/terraform-json';

interface SynthesizedLayer {
  readonly stack: TerraformJson;
  readonly outputs: DatabaseAccessOutputs;
}

function synthLayer(
  access: DatabaseAccessConfig = dev.databaseAccess,
  tier: EnvironmentConfig['tier'] = 'development',
): SynthesizedLayer {
  const stack = new (class extends ReadableAddressStack {})(Testing.app(), 'access');
  const instance = new TerraformResource(stack, 'database_instance', {
    terraformResourceType: 'aws_db_instance',
  }) as unknown as DbInstance;
  const layer = new DatabaseAccessLayer(stack, 'database_access', {
    tier,
    access,
    database: {
      address: 'db.internal',
      port: 5432,
      databaseName: 'lightwave_platform',
      masterUsername: 'lightwave_admin',
      masterSecretArn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:master',
      securityGroupId: 'sg-0123456789abcdef0',
      maxConnections: 112,
      instance,
      identifier: 'lightwave-dev',
      arn: 'arn:aws:rds:us-east-1:111111111111:db:lightwave-dev',
      kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      parameterGroupName: 'lightwave-dev-postgres15',
    },
  });
  return { stack: JSON.parse(Testing.synth(stack)) as TerraformJson, outputs: layer.outputs };
}

const byName = (stack: TerraformJson, type: string): Map<string, Block> =>
  new Map(Object.values(resourcesOfType(stack, type)).map((b) => [String(b.name ?? b.role), b]));

const summary = (b: Block) =>
  `${b.role} ${b.object_type} ${b.schema ?? '-'} [${(b.privileges as string[]).join(',')}]${b.owner ? ` for ${b.owner}` : ''}`;

/** What every role is: no elevated attribute, created once the server is up. */
const ORDINARY_ROLE = {
  superuser: false,
  create_database: false,
  create_role: false,
  replication: false,
  bypass_row_level_security: false,
  depends_on: ['aws_db_instance.database_instance'],
};

describe('roles', () => {
  test('one role per declared role, none with elevated rights, each waiting for the server', () => {
    const roles = byName(synthLayer().stack, 'postgresql_role');
    expect([...roles.keys()].sort()).toEqual(
      [...dev.databaseAccess.roles.map((r) => r.name), dev.databaseAccess.monitoringRole.name].sort(),
    );
    for (const role of roles.values()) expect(role).toEqual(expect.objectContaining(ORDINARY_ROLE));
  });

  test('login roles: generated password (sent as its SCRAM verifier), limit, timeout and search_path in the schema they own', () => {
    const { stack } = synthLayer();
    const payload = dev.databaseAccess.roles.find((r) => r.name === 'payload_user');
    expect(payload?.login).toBe(true);
    expect(byName(stack, 'postgresql_role').get('payload_user')).toEqual({
      name: 'payload_user',
      login: true,
      password: '${data.external.database_access_scram_payload_user_program.result.verifier}',
      connection_limit: payload?.login && payload.connectionLimit,
      statement_timeout: payload?.login && payload.statementTimeoutMs,
      search_path: ['payload', 'extensions'],
      ...ORDINARY_ROLE,
    });
    expect(resourcesOfType(stack, 'random_password').database_access_password_payload_user).toEqual({
      length: 40,
      special: false,
      min_numeric: 4,
    });
    // The verifier is computed from that password and a 16-byte salt at apply time, never in the JSON.
    expect(stack.data?.external?.database_access_scram_payload_user_program?.query).toEqual({
      password: '${random_password.database_access_password_payload_user.result}',
      salt: '${random_bytes.database_access_scram_payload_user_salt.base64}',
    });
    expect(resourcesOfType(stack, 'random_bytes').database_access_scram_payload_user_salt).toEqual({
      length: 16,
    });
  });

  test('reserved product roles own their schema but cannot log in and have no password, limit or timeout', () => {
    const { stack } = synthLayer();
    const reserved = dev.databaseAccess.roles.filter((r) => !r.login);
    expect(reserved.length).toBeGreaterThan(0);
    for (const role of reserved) {
      const owner = byName(stack, 'postgresql_role').get(role.name);
      const owned = dev.databaseAccess.schemas.filter((s) => s.owner === role.name).map((s) => s.name);
      expect(owner).toEqual(expect.objectContaining({ login: false, search_path: owned }));
      for (const key of ['password', 'connection_limit', 'statement_timeout'])
        expect(owner).not.toHaveProperty(key);
    }
    const logins = [...dev.databaseAccess.roles.filter((r) => r.login), dev.databaseAccess.monitoringRole];
    expect(Object.keys(resourcesOfType(stack, 'random_password')).sort()).toEqual(
      logins.map((r) => `database_access_password_${r.name}`).sort(),
    );
  });

  test('a role that owns no schema gets no search_path; one owning two gets both, in declared order', () => {
    const access: DatabaseAccessConfig = {
      ...dev.databaseAccess,
      roles: [...dev.databaseAccess.roles, { name: 'auditor', login: false }],
      schemas: [
        { name: 'payload', owner: 'payload_user', readers: ['auditor'] },
        { name: 'payload_media', owner: 'payload_user', readers: [] },
      ],
    };
    const roles = byName(synthLayer(access).stack, 'postgresql_role');
    expect(roles.get('payload_user')?.search_path).toEqual(['payload', 'payload_media', 'extensions']);
    expect(roles.get('auditor')).not.toHaveProperty('search_path');
  });

  test('the monitoring role: pg_monitor, a small limit, a timeout, and the extensions schema as search_path', () => {
    const { monitoringRole } = dev.databaseAccess;
    expect(byName(synthLayer().stack, 'postgresql_role').get(monitoringRole.name)).toEqual({
      name: monitoringRole.name,
      login: true,
      password: '${data.external.database_access_scram_monitoring_program.result.verifier}',
      roles: ['pg_monitor'],
      connection_limit: monitoringRole.connectionLimit,
      statement_timeout: monitoringRole.statementTimeoutMs,
      search_path: [dev.databaseAccess.extensions.schema],
      ...ORDINARY_ROLE,
    });
  });
});

describe('outputs', () => {
  test('name each login role with its password token, limit and owned schema; reserved roles are left out', () => {
    const { outputs } = synthLayer();
    expect(outputs.databaseName).toBe('lightwave_platform');
    expect(outputs.loginRoles.map((r) => [r.name, r.connectionLimit, r.schema])).toEqual(
      dev.databaseAccess.roles.flatMap((r) =>
        r.login
          ? [[r.name, r.connectionLimit, dev.databaseAccess.schemas.find((s) => s.owner === r.name)?.name]]
          : [],
      ),
    );
    for (const role of outputs.loginRoles) expect(role.password).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  test('a pure reader owns no schema', () => {
    const access: DatabaseAccessConfig = {
      ...dev.databaseAccess,
      roles: [
        ...dev.databaseAccess.roles,
        { name: 'reporting', login: true, connectionLimit: 5, statementTimeoutMs: 60000 },
      ],
      schemas: [{ name: 'payload', owner: 'payload_user', readers: ['reporting'] }],
    };
    const reporting = synthLayer(access).outputs.loginRoles.find((r) => r.name === 'reporting');
    expect(reporting).toEqual(expect.objectContaining({ connectionLimit: 5, schema: undefined }));
  });
});

describe('schemas', () => {
  test('each schema is owned by its role, created if missing, never dropped with its contents', () => {
    const schemas = byName(synthLayer().stack, 'postgresql_schema');
    expect([...schemas.keys()].sort()).toEqual([
      'cineos',
      'createos',
      'django',
      'extensions',
      'payload',
      'photographyos',
    ]);
    expect(schemas.get('payload')).toEqual({
      name: 'payload',
      database: 'lightwave_platform',
      owner: '${postgresql_role.database_access_role_payload_user.name}',
      if_not_exists: true,
      drop_cascade: false,
      depends_on: ['aws_db_instance.database_instance'],
    });
  });

  test('production schemas cannot be dropped by a plan; development ones can', () => {
    const production = synthLayer(prod.databaseAccess, 'production').stack;
    const schemas = Object.values(resourcesOfType(production, 'postgresql_schema'));
    expect(schemas).toHaveLength(prod.databaseAccess.schemas.length + 1); // and the extensions schema
    for (const schema of schemas) expect(schema.lifecycle).toEqual({ prevent_destroy: true });
    for (const schema of Object.values(resourcesOfType(synthLayer().stack, 'postgresql_schema'))) {
      expect(schema).not.toHaveProperty('lifecycle');
    }
  });
});

describe('grants', () => {
  test('are exactly what the model implies', () => {
    const { stack } = synthLayer();
    // Each login role (the monitoring role's included) may connect and use the extensions; PUBLIC gets nothing.
    const logins = [...dev.databaseAccess.roles.filter((r) => r.login), dev.databaseAccess.monitoringRole];
    expect(Object.values(resourcesOfType(stack, 'postgresql_grant')).map(summary).sort()).toEqual(
      [
        ...logins.flatMap((r) => [
          `${r.name} database - [CONNECT]`,
          `${r.name} schema ${dev.databaseAccess.extensions.schema} [USAGE]`,
        ]),
        'public database - []',
        'public schema public []',
      ].sort(),
    );
    expect(resourcesOfType(stack, 'postgresql_default_privileges')).toEqual({});
  });

  test('a whole-schema reader gets USAGE, SELECT on tables and sequences, and the same on later tables', () => {
    const access: DatabaseAccessConfig = {
      ...dev.databaseAccess,
      schemas: dev.databaseAccess.schemas.map((s) =>
        s.name === 'django' ? { ...s, readers: ['payload_user'] } : s,
      ),
    };
    const { stack } = synthLayer(access);
    const of = (type: string) =>
      Object.values(resourcesOfType(stack, type))
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
    const access: DatabaseAccessConfig = {
      ...dev.databaseAccess,
      schemas: dev.databaseAccess.schemas.map((s) =>
        s.name === 'payload'
          ? { ...s, tableReaders: [{ role: 'django_user', tables: ['pages', 'posts'] }] }
          : s,
      ),
    };
    const { stack } = synthLayer(access);
    const payloadGrants = Object.values(resourcesOfType(stack, 'postgresql_grant')).filter(
      (g) => g.schema === 'payload',
    );
    expect(payloadGrants.map((g) => `${summary(g)} ${JSON.stringify(g.objects ?? null)}`).sort()).toEqual([
      'django_user schema payload [USAGE] null',
      'django_user table payload [SELECT] ["pages"]',
      'django_user table payload [SELECT] ["posts"]',
    ]);
    expect(resourcesOfType(stack, 'postgresql_default_privileges')).toEqual({});
  });

  test('each listed table is a grant of its own that waits for the chain and holds up nothing', () => {
    const tables = ['pages', 'posts', 'media'];
    const access: DatabaseAccessConfig = {
      ...dev.databaseAccess,
      schemas: dev.databaseAccess.schemas.map((s) =>
        s.name === 'payload' ? { ...s, tableReaders: [{ role: 'django_user', tables }] } : s,
      ),
    };
    const grants = resourcesOfType(synthLayer(access).stack, 'postgresql_grant');
    const perTable = Object.entries(grants).filter(([, g]) => g.objects);
    expect(perTable.map(([, g]) => g.objects).sort()).toEqual(tables.map((t) => [t]).sort());
    const waitsFor = new Set(perTable.map(([, g]) => JSON.stringify(g.depends_on)));
    expect([...waitsFor]).toEqual([
      JSON.stringify(['postgresql_grant.database_access_grants_usage_payload_django_user']),
    ]);
    const waitedOn = Object.values(grants).flatMap((g) => (g.depends_on as string[]) ?? []);
    for (const [name] of perTable) expect(waitedOn).not.toContain(`postgresql_grant.${name}`);
  });

  test('name the database, and the schema except on the database itself', () => {
    const grants = resourcesOfType(synthLayer().stack, 'postgresql_grant');
    for (const grant of Object.values(grants)) expect(grant.database).toBe('lightwave_platform');
    expect(grants.database_access_grants_connect_payload_user).not.toHaveProperty('schema');
    expect(grants.database_access_grants_usage_extensions_payload_user).toEqual(
      expect.objectContaining({ schema: 'extensions', object_type: 'schema' }),
    );
  });

  test('every reader of every schema gets the same five grants; a schema without readers gets none', () => {
    const access: DatabaseAccessConfig = {
      ...dev.databaseAccess,
      schemas: dev.databaseAccess.schemas.map((s) =>
        s.name === 'createos' ? { ...s, readers: ['payload_user', 'django_user'] } : s,
      ),
    };
    const { stack } = synthLayer(access);
    const onCreateos = [
      ...Object.values(resourcesOfType(stack, 'postgresql_grant')),
      ...Object.values(resourcesOfType(stack, 'postgresql_default_privileges')),
    ]
      .filter((g) => g.schema === 'createos')
      .map(summary)
      .sort();
    expect(onCreateos).toEqual([
      'django_user schema createos [USAGE]',
      'django_user sequence createos [SELECT]',
      'django_user sequence createos [SELECT] for createos_owner',
      'django_user table createos [SELECT]',
      'django_user table createos [SELECT] for createos_owner',
      'payload_user schema createos [USAGE]',
      'payload_user sequence createos [SELECT]',
      'payload_user sequence createos [SELECT] for createos_owner',
      'payload_user table createos [SELECT]',
      'payload_user table createos [SELECT] for createos_owner',
    ]);
  });

  test('run one after another (no `tuple concurrently updated`), after every role and schema', () => {
    const { stack } = synthLayer();
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
});

describe('one grant per tuple', () => {
  const read = { role: 'django_user', database: 'db', schema: 'payload' };

  test('a second grant on the same tuple fails, naming both', () => {
    expect(() =>
      Testing.synthScope((scope) => {
        const set = new SerializedGrants(scope, 'grants', []);
        set.grant('read', { ...read, objectType: 'table', privileges: ['SELECT'] });
        set.grant('write', { ...read, objectType: 'table', privileges: ['INSERT'] });
      }),
    ).toThrow(
      'postgresql_grant (role "django_user", database "db", schema "payload", object_type "table") is declared twice, ' +
        'by "read" and "write": the provider revokes everything on that tuple before granting, so each would undo ' +
        'the other. Merge their privileges into one.',
    );
  });

  test('a second default privilege on the same tuple fails; other object types or owners do not', () => {
    const twice = () =>
      Testing.synthScope((scope) => {
        const set = new SerializedGrants(scope, 'grants', []);
        const spec = { ...read, owner: 'payload_user', privileges: ['SELECT'] };
        set.defaultPrivileges('tables', { ...spec, objectType: 'table' });
        set.defaultPrivileges('sequences', { ...spec, objectType: 'sequence' });
        set.defaultPrivileges('other_owner', { ...spec, owner: 'django_user', objectType: 'table' });
        set.grant('grant_too', { ...read, objectType: 'table', privileges: ['SELECT'] });
        set.defaultPrivileges('again', { ...spec, objectType: 'table' });
      });
    expect(twice).toThrow(
      'postgresql_default_privileges (role "django_user", database "db", schema "payload", owner "payload_user", ' +
        'object_type "table") is declared twice, by "tables" and "again"',
    );
  });

  test('grants naming different tables of one tuple coexist; the same table twice, or every table too, fails', () => {
    const table = (id: string, objects?: string[]) => (set: SerializedGrants) =>
      set.grant(id, {
        ...read,
        objectType: 'table',
        privileges: ['SELECT'],
        ...(objects ? { objects } : {}),
      });
    const synth =
      (...grants: ((set: SerializedGrants) => unknown)[]) =>
      () =>
        Testing.synthScope((scope) => {
          const set = new SerializedGrants(scope, 'grants', []);
          grants.forEach((g) => g(set));
        });
    expect(synth(table('pages', ['pages']), table('posts', ['posts']))).not.toThrow();
    expect(synth(table('pages', ['pages']), table('again', ['posts', 'pages']))).toThrow(
      'is declared twice, by "pages" and "again"',
    );
    expect(synth(table('pages', ['pages']), table('all'))).toThrow('is declared twice, by "pages" and "all"');
    expect(synth(table('all'), table('pages', ['pages']))).toThrow('is declared twice, by "all" and "pages"');
  });

  test('a grant without a schema claims the database-level tuple', () => {
    expect(() =>
      Testing.synthScope((scope) => {
        const set = new SerializedGrants(scope, 'grants', []);
        set.grant('connect', { role: 'r', database: 'db', objectType: 'database', privileges: ['CONNECT'] });
        set.grant('again', { role: 'r', database: 'db', objectType: 'database', privileges: [] });
      }),
    ).toThrow('postgresql_grant (role "r", database "db", schema "", object_type "database")');
  });
});
