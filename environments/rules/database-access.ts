/**
 * Rules for the access model: valid, unique names; owners and readers that exist (connection limits: connection-budget.ts).
 */
import type { EnvironmentRule } from '../validation';
import { duplicates, isIntegerIn, matches } from './formats';

const isIdentifier = (name: unknown): name is string => matches(name, /^[a-z_][a-z0-9_]{0,62}$/);

/** Names PostgreSQL or RDS reserve for themselves. */
function isReservedRoleName(name: string): boolean {
  return (
    ['postgres', 'public', 'none', 'current_user', 'session_user'].includes(name) || /^(pg_|rds)/.test(name)
  );
}

function isReservedSchemaName(name: string): boolean {
  return ['public', 'information_schema'].includes(name) || /^(pg_|rds)/.test(name);
}

export const databaseAccessRules: readonly EnvironmentRule[] = [
  ({ databaseAccess: { connection } }, c) => {
    const sslModes = ['require', 'verify-ca', 'verify-full'];
    c.check(
      'databaseAccess.connection.host',
      connection.host,
      matches(connection.host, /^[A-Za-z0-9.-]{1,253}$/),
      'a host name or IPv4 address the operator can reach (a tunnel end such as 127.0.0.1, or a VPC-resolvable name)',
    );
    c.check(
      'databaseAccess.connection.port',
      connection.port,
      isIntegerIn(connection.port, 1, 65535),
      'an integer from 1 to 65535',
    );
    c.check(
      'databaseAccess.connection.sslMode',
      connection.sslMode,
      sslModes.includes(connection.sslMode),
      sslModes.join(' | '),
    );
    c.check(
      'databaseAccess.connection.connectTimeoutSeconds',
      connection.connectTimeoutSeconds,
      isIntegerIn(connection.connectTimeoutSeconds, 1, 60),
      'an integer from 1 to 60 seconds',
    );
  },
  ({ database, databaseAccess: { roles } }, c) => {
    roles.forEach((role, i) => {
      c.check(
        `databaseAccess.roles[${i}].name`,
        role.name,
        isIdentifier(role.name) && !isReservedRoleName(role.name) && role.name !== database.masterUsername,
        `a lowercase PostgreSQL identifier, not reserved (postgres, public, pg_*, rds*) and not the master user "${database.masterUsername}"`,
      );
      if (role.login) {
        c.check(
          `databaseAccess.roles[${i}].connectionLimit`,
          role.connectionLimit,
          isIntegerIn(role.connectionLimit, 1, 5000),
          'an integer from 1 to 5000',
        );
        c.check(
          `databaseAccess.roles[${i}].statementTimeoutMs`,
          role.statementTimeoutMs,
          isIntegerIn(role.statementTimeoutMs, 1000, 3_600_000),
          'an integer from 1000 to 3600000 ms',
        );
      }
    });
    for (const name of duplicates(roles.map((r) => r.name))) {
      c.check('databaseAccess.roles', name, false, 'each role declared once');
    }
  },
  ({ databaseAccess: { roles, schemas } }, c) => {
    const declared = new Set(roles.map((r) => r.name));
    const known = `a declared role (${[...declared].join(', ')})`;
    schemas.forEach((schema, i) => {
      c.check(
        `databaseAccess.schemas[${i}].name`,
        schema.name,
        isIdentifier(schema.name) && !isReservedSchemaName(schema.name),
        'a lowercase PostgreSQL identifier other than public, information_schema, pg_* and rds*',
      );
      c.check(`databaseAccess.schemas[${i}].owner`, schema.owner, declared.has(schema.owner), known);
      schema.readers.forEach((reader, j) => {
        const field = `databaseAccess.schemas[${i}].readers[${j}]`;
        if (c.check(field, reader, declared.has(reader), known)) {
          c.check(
            field,
            reader,
            reader !== schema.owner,
            `a role other than the schema's owner "${schema.owner}" (the owner already has every right)`,
          );
        }
      });
      for (const reader of duplicates(schema.readers)) {
        c.check(`databaseAccess.schemas[${i}].readers`, reader, false, 'each reader listed once');
      }
    });
    for (const name of duplicates(schemas.map((s) => s.name))) {
      c.check('databaseAccess.schemas', name, false, 'each schema declared once');
    }
  },
];
