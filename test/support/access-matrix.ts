/**
 * What a logged-in role can really do in a schema, found by trying it (each attempt in its own rolled-back
 * transaction), and the expected rights derived from the access model.
 */
import type { Client } from 'pg';
import type { DatabaseAccessConfig } from '../../environments/parts/database-access';

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

export function describeRights(rights: Rights | 'cannot connect'): string {
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
export function formatMatrix(
  schemas: readonly string[],
  rows: ReadonlyMap<string, readonly string[]>,
): string {
  const header = ['role \\ schema', ...schemas];
  const body = [...rows].map(([role, cells]) => [role, ...cells]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
