/**
 * The access matrix: for every role and every schema (plus the database itself), the operations the role can
 * really perform, found by attempting each one, and the same matrix derived from the declared access model.
 *
 * Each operation needs exactly one privilege beyond USAGE on its schema, so a single stray grant shows up on its
 * own: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES and TRIGGER on a table without defaults or sequences,
 * SELECT/nextval/setval on a standalone sequence, EXECUTE on a function, USAGE and CREATE on the schema, and
 * TEMPORARY and CREATE on the database. Every object exists twice: created by the schema's owner before the grants
 * were applied (`existing`) and after (`later`, reached through default privileges).
 *
 * The matrix is plain data (role → scope → sorted operation names) so that proofs can compare matrices probed from
 * databases set up in different ways (the postgresql layer applied by the harness, deployed-access-layer.ts; the
 * local bootstrap, local-bootstrap.ts), cell by cell. Both set up in the same order: the outsider, roles and
 * schemas, the owners' `existing` objects (migrateProbeObjects), the grants, the owners' `later` objects.
 */
import type { Client } from 'pg';
import type { EnvironmentConfig } from '../../environments/config';
import type { DatabaseAccessConfig } from '../../environments/parts/database-access';

/** The scope of the database-level operations in a matrix row. */
export const DATABASE_SCOPE = '(database)';

export type Generation = 'existing' | 'later';
export const GENERATIONS: readonly Generation[] = ['existing', 'later'];

/** role → scope (a schema or DATABASE_SCOPE) → names of the operations that succeeded, sorted. */
export type AccessMatrix = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

type ObjectKind = 'table' | 'sequence' | 'function';

interface ObjectOperation {
  readonly kind: ObjectKind;
  /** e.g. `insert`; the operation's name in a matrix is `existing table insert`. */
  readonly action: string;
  /** The privileges any one of which allows it (besides USAGE on the schema). */
  readonly needs: readonly string[];
  /** ACL letter (PostgreSQL's aclitem notation) used in the printed matrix. */
  readonly letter: string;
  readonly sql: (object: string) => string;
}

/** The scratch schema where a role creates the referencing table of the REFERENCES probe (CREATE for PUBLIC). */
const SCRATCH = 'probe_scratch';

const OBJECT_OPERATIONS: readonly ObjectOperation[] = [
  {
    kind: 'table',
    action: 'insert',
    needs: ['INSERT'],
    letter: 'a',
    sql: (t) => `INSERT INTO ${t} (id) VALUES (2)`,
  },
  {
    kind: 'table',
    action: 'select',
    needs: ['SELECT'],
    letter: 'r',
    sql: (t) => `SELECT count(*) FROM ${t}`,
  },
  {
    kind: 'table',
    action: 'update',
    needs: ['UPDATE'],
    letter: 'w',
    sql: (t) => `UPDATE ${t} SET note = 'probe'`,
  },
  { kind: 'table', action: 'delete', needs: ['DELETE'], letter: 'd', sql: (t) => `DELETE FROM ${t}` },
  { kind: 'table', action: 'truncate', needs: ['TRUNCATE'], letter: 'D', sql: (t) => `TRUNCATE ${t}` },
  {
    kind: 'table',
    action: 'references',
    needs: ['REFERENCES'],
    letter: 'x',
    sql: (t) => `CREATE TABLE ${SCRATCH}.probe_fk (id integer REFERENCES ${t} (id))`,
  },
  {
    kind: 'table',
    action: 'trigger',
    needs: ['TRIGGER'],
    letter: 't',
    // A built-in trigger function that PUBLIC may execute: only TRIGGER on the table is in question.
    sql: (t) =>
      `CREATE TRIGGER probe_trigger BEFORE UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()`,
  },
  {
    kind: 'sequence',
    action: 'select',
    needs: ['SELECT'],
    letter: 'r',
    sql: (s) => `SELECT last_value FROM ${s}`,
  },
  {
    kind: 'sequence',
    action: 'setval',
    needs: ['UPDATE'],
    letter: 'w',
    sql: (s) => `SELECT setval('${s}', 5)`,
  },
  // nextval is allowed by USAGE or UPDATE (PostgreSQL docs, "Sequence Manipulation Functions").
  {
    kind: 'sequence',
    action: 'nextval',
    needs: ['USAGE', 'UPDATE'],
    letter: 'U',
    sql: (s) => `SELECT nextval('${s}')`,
  },
  { kind: 'function', action: 'execute', needs: ['EXECUTE'], letter: 'X', sql: (f) => `SELECT ${f}()` },
];

interface SchemaOperation {
  readonly action: 'usage' | 'create';
  readonly letter: string;
  readonly sql: (schema: string) => string;
}

const SCHEMA_OPERATIONS: readonly SchemaOperation[] = [
  // Resolving a name inside the schema needs USAGE and nothing else.
  { action: 'usage', letter: 'U', sql: (s) => `SELECT '${objectName(s, 'existing', 'table')}'::regclass` },
  { action: 'create', letter: 'C', sql: (s) => `CREATE TABLE ${quote(s)}.probe_created (id integer)` },
];

const DATABASE_OPERATIONS = [
  { action: 'temporary', sql: 'CREATE TEMPORARY TABLE probe_temporary (id integer)' },
  { action: 'create', sql: 'CREATE SCHEMA probe_created' },
] as const;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The qualified name of a probe object, e.g. `"payload".probe_existing_table`. */
export function objectName(schema: string, generation: Generation, kind: ObjectKind): string {
  return `${quote(schema)}.probe_${generation}_${kind}`;
}

const objectOperationName = (g: Generation, o: ObjectOperation) => `${g} ${o.kind} ${o.action}`;
const schemaOperationName = (o: SchemaOperation) => `schema ${o.action}`;

/** A login role the model does not declare: it stands for PUBLIC. */
export const OUTSIDER = { name: 'outsider', password: 'outsider-password' } as const;

/** Creates the outsider (as the bootstrap superuser, before the model is applied). */
export async function createOutsider(superuser: Client): Promise<void> {
  await superuser.query(`CREATE ROLE ${OUTSIDER.name} LOGIN PASSWORD '${OUTSIDER.password}'`);
}

/** The schemas a matrix has columns for: the declared ones, the extensions' and `public`. */
export function probedSchemas(access: DatabaseAccessConfig): string[] {
  return [...access.schemas.map((s) => s.name), access.extensions.schema, 'public'];
}

/**
 * The owners' migrations of one generation: probe objects in every declared schema as its owner, and in the
 * extensions' schema and `public` as the master user (owner of the one, the database's owner for the other).
 */
export async function migrateProbeObjects(
  superuser: Client,
  env: Pick<EnvironmentConfig, 'databaseAccess' | 'database'>,
  generation: Generation,
): Promise<void> {
  for (const schema of env.databaseAccess.schemas)
    await createProbeObjects(superuser, schema.name, schema.owner, generation);
  for (const schema of [env.databaseAccess.extensions.schema, 'public'])
    await createProbeObjects(superuser, schema, env.database.masterUsername, generation);
}

/** Creates the probe objects of one generation in `schema`, as its owner (run by a superuser). */
export async function createProbeObjects(
  superuser: Client,
  schema: string,
  owner: string,
  generation: Generation,
): Promise<void> {
  await superuser.query(`SET ROLE ${quote(owner)}`);
  try {
    await superuser.query(
      `CREATE TABLE ${objectName(schema, generation, 'table')} (id integer PRIMARY KEY, note text)`,
    );
    await superuser.query(
      `INSERT INTO ${objectName(schema, generation, 'table')} (id, note) VALUES (1, 'fixture')`,
    );
    await superuser.query(`CREATE SEQUENCE ${objectName(schema, generation, 'sequence')}`);
    await superuser.query(
      `CREATE FUNCTION ${objectName(schema, generation, 'function')}() RETURNS integer LANGUAGE sql AS 'SELECT 1'`,
    );
  } finally {
    await superuser.query('RESET ROLE');
  }
}

/** True when `sql` succeeds as `role`; every attempt is rolled back. */
async function succeeds(superuser: Client, role: string, sql: string): Promise<boolean> {
  await superuser.query('BEGIN');
  try {
    await superuser.query(`SET LOCAL ROLE ${quote(role)}`);
    await superuser.query(sql);
    return true;
  } catch {
    return false;
  } finally {
    await superuser.query('ROLLBACK');
  }
}

async function probeSchema(superuser: Client, role: string, schema: string): Promise<string[]> {
  const done: string[] = [];
  for (const o of SCHEMA_OPERATIONS)
    if (await succeeds(superuser, role, o.sql(schema))) done.push(schemaOperationName(o));
  for (const g of GENERATIONS) {
    for (const o of OBJECT_OPERATIONS) {
      if (await succeeds(superuser, role, o.sql(objectName(schema, g, o.kind))))
        done.push(objectOperationName(g, o));
    }
  }
  return done.sort();
}

export interface ProbedRole {
  readonly name: string;
  /** Tried for the `login` operation; a role without one is tried with a wrong password. */
  readonly password?: string;
}

export interface ProbeTarget {
  /** A superuser session on the database: each attempt runs there under SET LOCAL ROLE. */
  readonly superuser: Client;
  /** Opens (and the probe closes) a session as `role`; rejects when the server refuses the login. */
  readonly login: (role: string, password: string) => Promise<Client>;
}

/**
 * Probes every role in every schema. `login` is a real login with the role's password; everything else runs in
 * the superuser's session as the role (SET ROLE), which checks exactly the role's privileges, for roles that cannot
 * log in as well.
 */
export async function probeAccessMatrix(
  target: ProbeTarget,
  roles: readonly ProbedRole[],
  schemas: readonly string[],
): Promise<AccessMatrix> {
  const { superuser } = target;
  await superuser.query(`CREATE SCHEMA ${SCRATCH}`);
  await superuser.query(`GRANT USAGE, CREATE ON SCHEMA ${SCRATCH} TO PUBLIC`);
  try {
    const matrix: Record<string, Record<string, string[]>> = {};
    for (const role of roles) {
      const database: string[] = [];
      try {
        await (await target.login(role.name, role.password ?? 'not-the-password')).end();
        database.push('login');
      } catch {
        // refused: no LOGIN, no CONNECT, or no password
      }
      for (const o of DATABASE_OPERATIONS)
        if (await succeeds(superuser, role.name, o.sql)) database.push(o.action);
      matrix[role.name] = { [DATABASE_SCOPE]: database.sort() };
      for (const schema of schemas)
        matrix[role.name][schema] = await probeSchema(superuser, role.name, schema);
    }
    return matrix;
  } finally {
    await superuser.query(`DROP SCHEMA ${SCRATCH} CASCADE`);
  }
}

/**
 * What the access model promises: a schema's owner may do everything in it; a reader may use the schema and read
 * its tables and sequences, existing and later ones; every login role (the monitoring role too) may use the
 * extensions' schema and nothing more there; nobody else may do anything in them, and nobody anything in schema
 * `public` or TEMPORARY/CREATE on the database. Login roles log in. Functions: PostgreSQL grants EXECUTE to PUBLIC
 * on every new function and the model keeps that default, so whoever may use a schema may call its functions (they
 * run with the caller's rights).
 *
 * @param roles every role to expect a row for: the declared ones and any other (standing for PUBLIC)
 * @param schemas the columns: declared schemas, the extensions' and `public`
 */
export function expectedAccessMatrix(
  access: DatabaseAccessConfig,
  roles: readonly string[],
  schemas: readonly string[],
): AccessMatrix {
  const logsIn = (role: string) =>
    role === access.monitoringRole.name || access.roles.some((r) => r.name === role && r.login);
  const privilegesOf = (
    role: string,
    schema: string,
  ): { usage: boolean; has: (privilege: string) => boolean } => {
    const declared = access.schemas.find((s) => s.name === schema);
    if (declared?.owner === role) return { usage: true, has: () => true };
    if (declared?.readers.includes(role))
      return { usage: true, has: (p) => p === 'SELECT' || p === 'EXECUTE' };
    // Table readers (the read switch) may SELECT only their listed tables, never a probe object.
    if (declared?.tableReaders?.some((r) => r.role === role))
      return { usage: true, has: (p) => p === 'EXECUTE' };
    if (schema === access.extensions.schema && logsIn(role))
      return { usage: true, has: (p) => p === 'EXECUTE' };
    return { usage: false, has: () => false };
  };
  const matrix: Record<string, Record<string, string[]>> = {};
  for (const role of roles) {
    matrix[role] = { [DATABASE_SCOPE]: logsIn(role) ? ['login'] : [] };
    for (const schema of schemas) {
      const { usage, has } = privilegesOf(role, schema);
      const owner = access.schemas.some((s) => s.name === schema && s.owner === role);
      const cell = [
        ...(usage ? ['schema usage'] : []),
        ...(owner ? ['schema create'] : []),
        ...GENERATIONS.flatMap((g) =>
          OBJECT_OPERATIONS.filter((o) => usage && o.needs.some(has)).map((o) => objectOperationName(g, o)),
        ),
      ];
      matrix[role][schema] = cell.sort();
    }
  }
  return matrix;
}

/** Every cell where two matrices differ, e.g. `django_user × payload: unexpected [existing table insert]`. */
export function diffAccessMatrices(expected: AccessMatrix, actual: AccessMatrix): string[] {
  const differences: string[] = [];
  for (const role of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const scopes = new Set([...Object.keys(expected[role] ?? {}), ...Object.keys(actual[role] ?? {})]);
    for (const scope of scopes) {
      const want = expected[role]?.[scope] ?? [];
      const got = actual[role]?.[scope] ?? [];
      const missing = want.filter((o) => !got.includes(o));
      const unexpected = got.filter((o) => !want.includes(o));
      if (missing.length > 0) differences.push(`${role} × ${scope}: missing [${missing.join(', ')}]`);
      if (unexpected.length > 0)
        differences.push(`${role} × ${scope}: unexpected [${unexpected.join(', ')}]`);
    }
  }
  return differences;
}

/** A cell in PostgreSQL's ACL letters: `UC t:arwdDxt/arwdDxt s:rUw/rUw f:X/X` (existing/later objects). */
function describeCell(scope: string, operations: readonly string[]): string {
  if (scope === DATABASE_SCOPE) return operations.length === 0 ? '-' : operations.join(' ');
  const schema = SCHEMA_OPERATIONS.filter((o) => operations.includes(schemaOperationName(o)))
    .map((o) => o.letter)
    .join('');
  const objects = (['table', 'sequence', 'function'] as const).map((kind) => {
    const letters = GENERATIONS.map((g) =>
      OBJECT_OPERATIONS.filter((o) => o.kind === kind && operations.includes(objectOperationName(g, o)))
        .map((o) => o.letter)
        .join(''),
    );
    return letters.every((l) => l === '') ? '' : `${kind[0]}:${letters.map((l) => l || '-').join('/')}`;
  });
  const text = [schema, ...objects].filter(Boolean).join(' ');
  return text === '' ? '-' : text;
}

/** A fixed-width table: one row per role, one column per scope, cells in ACL letters. */
export function formatAccessMatrix(matrix: AccessMatrix): string {
  const roles = Object.keys(matrix);
  const scopes = Object.keys(matrix[roles[0]] ?? {});
  const header = ['role \\ scope', ...scopes];
  const body = roles.map((role) => [role, ...scopes.map((s) => describeCell(s, matrix[role][s] ?? []))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const legend =
    'U usage, C create; t table, s sequence, f function (existing/later objects): r select, a insert, w update ' +
    '(setval), d delete, D truncate, x references, t trigger, U nextval, X execute';
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), legend].join('\n');
}
