/**
 * The access model as SQL for the local PostgreSQL: the statements the postgresql provider runs on RDS for each
 * entry of the access plan (environments/access-plan.ts), written out so that psql can apply them.
 *
 * Run by the master user, which like RDS's may create roles but is no superuser: to create a schema owned by a role,
 * or to grant on and set default privileges for that role's objects, it must be a member of that role, so each
 * phase makes it a member of the owners and takes the membership back before committing, as the provider does
 * (helpers.go withRolesGranted, cyrilgdn/terraform-provider-postgresql v1.26.0). Each grant first revokes everything
 * on its tuple, like `postgresql_grant`; every statement is safe to run again, so re-running converges on the model
 * (and gives tables created since then their grants).
 *
 * Identifiers are written unquoted: validation refuses names PostgreSQL would have to quote
 * (environments/sql-identifiers.ts); extension names alone are quoted (RDS offers `uuid-ossp`). Passwords are psql
 * variables (`:'password_<role>'`), never in the text.
 */
import type {
  AccessPlan,
  PlannedDefaultPrivileges,
  PlannedExtensions,
  PlannedGrant,
  PlannedRole,
} from '../environments/access-plan';

export interface AccessSql {
  /**
   * Roles, schemas, the extensions' schema and the extensions PostgreSQL trusts (pg_trgm, unaccent): applied first by
   * the master; the owners' migrations can create tables after it.
   */
  readonly rolesAndSchemas: string;
  /**
   * The extensions a plain master may not create (not trusted, e.g. pg_stat_statements), by the superuser standing
   * in for RDS's rds_superuser; those created already are left alone.
   */
  readonly untrustedExtensions: string;
  /** Grants and default privileges, in the plan's order. */
  readonly privileges: string;
}

/** The psql variable holding a login role's password. */
export const passwordVariable = (role: string): string => `password_${role}`;

function roleStatements(role: PlannedRole): string[] {
  const login = role.login
    ? `LOGIN PASSWORD :'${passwordVariable(role.name)}' CONNECTION LIMIT ${role.connectionLimit}`
    : 'NOLOGIN PASSWORD NULL CONNECTION LIMIT -1';
  return [
    `-- role_${role.name}: ${role.login ? 'logs in' : 'cannot log in (owns a schema for later)'}`,
    `DO $$ BEGIN CREATE ROLE ${role.name}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`,
    `ALTER ROLE ${role.name} WITH ${login} VALID UNTIL 'infinity' INHERIT NOCREATEDB NOCREATEROLE;`,
    role.searchPath.length > 0
      ? `ALTER ROLE ${role.name} SET search_path TO ${role.searchPath.join(', ')};`
      : `ALTER ROLE ${role.name} RESET search_path;`,
    role.statementTimeoutMs !== undefined
      ? `ALTER ROLE ${role.name} SET statement_timeout TO ${role.statementTimeoutMs};`
      : `ALTER ROLE ${role.name} RESET statement_timeout;`,
    ...membershipStatements(role),
  ];
}

/** Its memberships exactly: the planned ones granted, any other revoked (the provider's `roles` is authoritative). */
function membershipStatements(role: PlannedRole): string[] {
  const keep = role.memberOf.map((r) => `'${r}'`).join(', ');
  return [
    `DO $$ DECLARE other text; BEGIN FOR other IN SELECT roleid::regrole::text FROM pg_auth_members WHERE member = '${role.name}'::regrole${keep === '' ? '' : ` AND roleid::regrole::text NOT IN (${keep})`} LOOP EXECUTE format('REVOKE %I FROM ${role.name}', other); END LOOP; END $$;`,
    ...role.memberOf.map((r) => `GRANT ${r} TO ${role.name};`),
  ];
}

function target(grant: PlannedGrant, database: string): string {
  if (grant.objectType === 'database') return `DATABASE ${database}`;
  if (grant.objectType === 'schema') return `SCHEMA ${grant.schema}`;
  return `ALL ${grant.objectType.toUpperCase()}S IN SCHEMA ${grant.schema}`;
}

/** `public` is PUBLIC, every role. */
const grantee = (role: string) => (role === 'public' ? 'PUBLIC' : role);

/**
 * A grant on listed tables, like the provider's (REVOKE and GRANT of its privileges on those tables only), on each
 * listed table that exists; each missing one is named in a warning and granted by the next run (`docker compose up`
 * runs the bootstrap again after the migrations). The cloud's grant of a missing table fails on its own.
 */
function objectGrantStatements(grant: PlannedGrant, objects: readonly string[]): string[] {
  const privileges = grant.privileges.join(', ');
  return [
    `-- grants.${grant.id}`,
    'DO $$ BEGIN',
    ...objects.flatMap((object) => {
      const table = `${grant.schema}.${object}`;
      return [
        `  IF to_regclass('${table}') IS NOT NULL THEN`,
        `    REVOKE ${privileges} ON TABLE ${table} FROM ${grantee(grant.role)};`,
        `    GRANT ${privileges} ON TABLE ${table} TO ${grantee(grant.role)};`,
        '  ELSE',
        `    RAISE WARNING 'grants.${grant.id}: table ${table} does not exist yet, not granted; run the bootstrap again after the migrations';`,
        '  END IF;',
      ];
    }),
    'END $$;',
  ];
}

function grantStatements(grant: PlannedGrant, database: string): string[] {
  if (grant.objects) return objectGrantStatements(grant, grant.objects);
  const on = target(grant, database);
  return [
    `-- grants.${grant.id}`,
    `REVOKE ALL PRIVILEGES ON ${on} FROM ${grantee(grant.role)};`,
    ...(grant.privileges.length > 0
      ? [`GRANT ${grant.privileges.join(', ')} ON ${on} TO ${grantee(grant.role)};`]
      : []),
  ];
}

function defaultPrivilegesStatements(d: PlannedDefaultPrivileges): string[] {
  const scope = `ALTER DEFAULT PRIVILEGES FOR ROLE ${d.owner} IN SCHEMA ${d.schema}`;
  const objects = `${d.objectType.toUpperCase()}S`;
  return [
    `-- grants.${d.id}`,
    `${scope} REVOKE ALL ON ${objects} FROM ${d.role};`,
    ...(d.privileges.length > 0
      ? [`${scope} GRANT ${d.privileges.join(', ')} ON ${objects} TO ${d.role};`]
      : []),
  ];
}

/** `statements` in one transaction, `master` a member of `owners` during it and no longer once it commits. */
function transaction(
  owners: readonly string[],
  master: string,
  setup: readonly string[],
  statements: readonly string[],
): string[] {
  const roles = [...new Set(owners)].join(', ');
  const membership = (sql: string) => (roles === '' ? [] : [sql]);
  return [
    'BEGIN;',
    '',
    ...setup,
    ...membership(`GRANT ${roles} TO ${master};`),
    '',
    ...statements,
    '',
    ...membership(`REVOKE ${roles} FROM ${master};`),
    'COMMIT;',
  ];
}

function file(title: string, body: readonly string[]): string {
  return [
    `-- ${title}`,
    '-- Generated by `npm run local` (local-dev/access-sql.ts); do not edit.',
    '',
    ...body,
    '',
  ].join('\n');
}

/** The extensions' schema, the master's, and each extension PostgreSQL trusts created in it by the master. */
function trustedExtensionStatements(extensions: PlannedExtensions, master: string): string[] {
  const { schema } = extensions;
  return [
    `-- schema_${schema}: the extensions', owned by the master`,
    `CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${master};`,
    `ALTER SCHEMA ${schema} OWNER TO ${master};`,
    ...extensions.names.flatMap((name) => [
      `-- extension_${name}, if trusted (otherwise the superuser creates it: untrusted-extensions.sql)`,
      `DO $$ BEGIN IF (SELECT bool_or(trusted) FROM pg_available_extension_versions WHERE name = '${name}') THEN CREATE EXTENSION IF NOT EXISTS "${name}" SCHEMA ${schema}; END IF; END $$;`,
    ]),
  ];
}

function untrustedExtensionStatements(extensions: PlannedExtensions): string[] {
  return extensions.names.map(
    (name) => `CREATE EXTENSION IF NOT EXISTS "${name}" SCHEMA ${extensions.schema};`,
  );
}

/** @param master the master user applying it (the database's owner, CREATEROLE, not a superuser) */
export function accessSql(plan: AccessPlan, master: string): AccessSql {
  const owners = plan.schemas.map((s) => s.owner);
  const roles = plan.roles.flatMap((r) => [...roleStatements(r), '']);
  const schemas = plan.schemas.flatMap((s) => [
    `-- schema_${s.name}`,
    `CREATE SCHEMA IF NOT EXISTS ${s.name} AUTHORIZATION ${s.owner};`,
    `ALTER SCHEMA ${s.name} OWNER TO ${s.owner};`,
  ]);
  const extensions = trustedExtensionStatements(plan.extensions, master);
  const privileges = plan.privileges.flatMap((p) =>
    p.kind === 'grant' ? grantStatements(p, plan.database) : defaultPrivilegesStatements(p),
  );
  return {
    rolesAndSchemas: file(
      `Roles and schemas of ${plan.database}, from the access plan (environments/access-plan.ts).`,
      transaction(owners, master, roles, [...schemas, '', ...extensions]),
    ),
    untrustedExtensions: file(
      `Extensions of ${plan.database} a plain master may not create, by the superuser standing in for rds_superuser.`,
      ['BEGIN;', ...untrustedExtensionStatements(plan.extensions), 'COMMIT;'],
    ),
    privileges: file(
      `Grants and default privileges in ${plan.database}, in the order the postgresql layer applies them.`,
      transaction(owners, master, [], privileges),
    ),
  };
}
