/**
 * Names the local setup writes: the Compose project, and the PostgreSQL identifiers of the environment it mirrors,
 * which the bootstrap SQL writes unquoted (a name PostgreSQL would have to quote, like `user`, is refused here
 * rather than quoted there).
 */
import { isPlainIdentifier } from '../../sql-identifiers';
import type { Checker, LocalRule } from '../../validation';
import { matches } from '../formats';

function plain(c: Checker, field: string, name: string): void {
  c.check(
    field,
    name,
    isPlainIdentifier(name),
    'a lowercase PostgreSQL identifier that needs no quotes: not a keyword such as user, order or select ' +
      '(environments/sql-identifiers.ts)',
  );
}

export const localNameRules: readonly LocalRule[] = [
  ({ projectName }, _registry, c) => {
    c.check(
      'projectName',
      projectName,
      matches(projectName, /^[a-z0-9][a-z0-9_-]{0,62}$/),
      'a Docker Compose project name: lowercase letters, digits, hyphens and underscores, starting with a letter or digit',
    );
  },
  ({ basedOn: { database, databaseAccess } }, _registry, c) => {
    plain(c, 'basedOn.database.databaseName', database.databaseName);
    plain(c, 'basedOn.database.masterUsername', database.masterUsername);
    databaseAccess.roles.forEach((r, i) => plain(c, `basedOn.databaseAccess.roles[${i}].name`, r.name));
    plain(c, 'basedOn.databaseAccess.monitoringRole.name', databaseAccess.monitoringRole.name);
    plain(c, 'basedOn.databaseAccess.extensions.schema', databaseAccess.extensions.schema);
  },
  ({ basedOn: { databaseAccess } }, _registry, c) => {
    databaseAccess.schemas.forEach((s, i) => {
      const field = `basedOn.databaseAccess.schemas[${i}]`;
      plain(c, `${field}.name`, s.name);
      (s.tableReaders ?? []).forEach((reader, j) =>
        reader.tables.forEach((t, k) => plain(c, `${field}.tableReaders[${j}].tables[${k}]`, t)),
      );
    });
  },
];
