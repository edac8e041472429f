/**
 * Rules for reads into another role's schema: a schema with sensitive tables admits no whole-schema reader, and a
 * table reader is a declared login role listing existing-table names, none of them sensitive.
 */
import type { EnvironmentRule } from '../validation';
import { duplicates, isPostgresIdentifier } from './formats';

export const tableReadRules: readonly EnvironmentRule[] = [
  ({ databaseAccess: { schemas } }, c) => {
    schemas.forEach((schema, i) => {
      const at = `databaseAccess.schemas[${i}]`;
      const sensitive = schema.sensitiveTables ?? [];
      sensitive.forEach((table, j) =>
        c.check(`${at}.sensitiveTables[${j}]`, table, isPostgresIdentifier(table), 'a lowercase table name'),
      );
      if (sensitive.length === 0) return;
      schema.readers.forEach((reader, j) =>
        c.check(
          `${at}.readers[${j}]`,
          reader,
          false,
          `no whole-schema reader of ${schema.name}: it declares sensitive tables (${sensitive.join(', ')}) and default privileges would hand over every table created later; list the tables ${reader} may read in tableReaders`,
        ),
      );
    });
  },
  ({ databaseAccess: { schemas, roles } }, c) => {
    const loginRoles = roles.filter((r) => r.login).map((r) => r.name);
    schemas.forEach((schema, i) => {
      const readers = schema.tableReaders ?? [];
      readers.forEach((reader, k) => {
        const at = `databaseAccess.schemas[${i}].tableReaders[${k}]`;
        c.check(
          `${at}.role`,
          reader.role,
          loginRoles.includes(reader.role) &&
            reader.role !== schema.owner &&
            !schema.readers.includes(reader.role),
          `a login role (${loginRoles.join(', ')}) other than the owner ${schema.owner} and not already a whole-schema reader`,
        );
        c.check(
          `${at}.tables`,
          reader.tables,
          reader.tables.length > 0,
          'at least one table (remove the entry to turn reads off)',
        );
        reader.tables.forEach((table, j) => {
          const field = `${at}.tables[${j}]`;
          if (!c.check(field, table, isPostgresIdentifier(table), 'a lowercase table name')) return;
          c.check(
            field,
            table,
            !(schema.sensitiveTables ?? []).includes(table),
            `a table other than the sensitive ones of ${schema.name} (${(schema.sensitiveTables ?? []).join(', ')})`,
          );
        });
        for (const table of duplicates(reader.tables))
          c.check(`${at}.tables`, table, false, 'each table listed once');
      });
      for (const role of duplicates(readers.map((r) => r.role))) {
        c.check(`databaseAccess.schemas[${i}].tableReaders`, role, false, 'one entry per role');
      }
    });
  },
];
