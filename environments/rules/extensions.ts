/**
 * Rules for the PostgreSQL extensions: names RDS for PostgreSQL 15 offers, libraries the parameter group preloads,
 * and a schema of their own.
 */
import {
  isRdsPostgres15Extension,
  missingPreload,
  PRELOADED_LIBRARIES,
} from '../../constructs/rds-postgresql-extensions';
import type { EnvironmentRule } from '../validation';
import { duplicates, isPostgresIdentifier } from './formats';

export const extensionRules: readonly EnvironmentRule[] = [
  ({ databaseAccess: { extensions, schemas } }, c) => {
    c.check(
      'databaseAccess.extensions.schema',
      extensions.schema,
      isPostgresIdentifier(extensions.schema) &&
        !['public', 'information_schema'].includes(extensions.schema) &&
        !/^(pg_|rds)/.test(extensions.schema) &&
        !schemas.some((s) => s.name === extensions.schema),
      `a lowercase identifier of its own: not public (PUBLIC has no rights there), information_schema, pg_*, rds* or an application schema (${schemas.map((s) => s.name).join(', ')})`,
    );
    extensions.names.forEach((name, i) => {
      const field = `databaseAccess.extensions.names[${i}]`;
      if (
        !c.check(
          field,
          name,
          isRdsPostgres15Extension(name),
          'an extension RDS for PostgreSQL 15 offers (constructs/rds-postgresql-extensions.ts), e.g. pg_trgm, unaccent, pg_stat_statements',
        )
      )
        return;
      c.check(
        field,
        name,
        missingPreload(name) === undefined,
        `an extension whose library is preloaded: ${name} needs shared_preload_libraries, which preloads ${PRELOADED_LIBRARIES.join(', ')} only`,
      );
    });
    for (const name of duplicates(extensions.names)) {
      c.check('databaseAccess.extensions.names', name, false, 'each extension listed once');
    }
  },
];
