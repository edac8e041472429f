/**
 * What a logged-in role can really do in a schema, found by trying it (each attempt in its own rolled-back
 * transaction), and the expected rights derived from the access model. Deployments are probed in the same order
 * everywhere: roles and schemas, then the owners' migrations create EXISTING_TABLE, then the grants, then the owners
 * create LATER_TABLE (which readers see only through default privileges).
 */
import type { Client } from 'pg';
import type { DatabaseAccessConfig, SchemaConfig } from '../../environments/parts/database-access';

export interface Rights {
  readonly usage: boolean;
  /** SELECT on a table (and its sequence) that existed when the grants were applied. */
  readonly readExisting: boolean;
  /** SELECT on a table the owner created after the grants (default privileges). */
  readonly readLater: boolean;
  readonly write: boolean;
  readonly createTable: boolean;
}

export const EXISTING_TABLE = 'probe_existing';
export const LATER_TABLE = 'probe_later';

/** A login role the model does not declare: it stands for PUBLIC. */
export const OUTSIDER = { name: 'outsider', password: 'outsider-password' } as const;

/** Creates the outsider (as the bootstrap superuser, before the model is applied). */
export async function createOutsider(superuser: Client): Promise<void> {
  await superuser.query(`CREATE ROLE ${OUTSIDER.name} LOGIN PASSWORD '${OUTSIDER.password}'`);
}

/** `table` in every schema, created by its owner (as a migration would), with one row. */
export async function createProbeTables(
  superuser: Client,
  schemas: readonly Pick<SchemaConfig, 'name' | 'owner'>[],
  table: string,
): Promise<void> {
  for (const schema of schemas) {
    await superuser.query(`SET ROLE "${schema.owner}"`);
    await superuser.query(`CREATE TABLE "${schema.name}".${table} (id serial PRIMARY KEY, note text)`);
    await superuser.query(`INSERT INTO "${schema.name}".${table} (note) VALUES ('fixture')`);
    await superuser.query('RESET ROLE');
  }
}

async function succeeds(client: Client, sql: string): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    return true;
  } catch {
    return false;
  } finally {
    await client.query('ROLLBACK');
  }
}

export async function probe(client: Client, schema: string): Promise<Rights> {
  const usage = await client.query("SELECT has_schema_privilege(current_user, $1, 'USAGE') AS ok", [schema]);
  return {
    usage: usage.rows[0].ok === true,
    readExisting:
      (await succeeds(client, `SELECT count(*) FROM "${schema}".${EXISTING_TABLE}`)) &&
      (await succeeds(client, `SELECT last_value FROM "${schema}".${EXISTING_TABLE}_id_seq`)),
    readLater: await succeeds(client, `SELECT count(*) FROM "${schema}".${LATER_TABLE}`),
    write:
      (await succeeds(client, `INSERT INTO "${schema}".${EXISTING_TABLE} (note) VALUES ('w')`)) ||
      (await succeeds(client, `UPDATE "${schema}".${EXISTING_TABLE} SET note = 'u'`)) ||
      (await succeeds(client, `DELETE FROM "${schema}".${LATER_TABLE}`)),
    createTable: await succeeds(client, `CREATE TABLE "${schema}".probe_created (id int)`),
  };
}

export type Cell = Rights | 'cannot connect';

/** role → one cell per schema (in the order given), probed by logging in as each role. */
export type AccessMatrix = ReadonlyMap<string, readonly Cell[]>;

export async function probeMatrix(
  login: (role: string) => Promise<Client>,
  roles: readonly string[],
  schemas: readonly string[],
): Promise<AccessMatrix> {
  const matrix = new Map<string, Cell[]>();
  for (const role of roles) {
    let client: Client;
    try {
      client = await login(role);
    } catch {
      matrix.set(
        role,
        schemas.map(() => 'cannot connect'),
      );
      continue;
    }
    try {
      const cells: Cell[] = [];
      for (const schema of schemas) cells.push(await probe(client, schema));
      matrix.set(role, cells);
    } finally {
      await client.end();
    }
  }
  return matrix;
}

const ALL: Rights = { usage: true, readExisting: true, readLater: true, write: true, createTable: true };
const READ: Rights = { usage: true, readExisting: true, readLater: true, write: false, createTable: false };
const NONE: Rights = {
  usage: false,
  readExisting: false,
  readLater: false,
  write: false,
  createTable: false,
};

/** The rights the model promises: the owner everything, readers read-only, everybody else nothing. */
export function expectedRights(access: DatabaseAccessConfig, role: string, schema: string): Rights {
  const declared = access.schemas.find((s) => s.name === schema);
  if (declared?.owner === role) return ALL;
  if (declared?.readers.includes(role)) return READ;
  return NONE;
}

export function describeRights(rights: Cell): string {
  if (rights === 'cannot connect') return 'no CONNECT';
  const flags = [
    rights.usage && 'usage',
    rights.readExisting && 'read',
    rights.readLater && 'read-later',
    rights.write && 'write',
    rights.createTable && 'create',
  ].filter(Boolean);
  return flags.length === 0 ? '-' : flags.join(' ');
}

/** A fixed-width table: one row per role, one column per schema. */
export function formatMatrix(schemas: readonly string[], matrix: AccessMatrix): string {
  const header = ['role \\ schema', ...schemas];
  const body = [...matrix].map(([role, cells]) => [role, ...cells.map(describeRights)]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
