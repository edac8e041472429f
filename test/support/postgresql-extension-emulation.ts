/**
 * EMULATION of what the cyrilgdn/postgresql provider v1.26.0 executes to create a `postgresql_extension`
 * (resource_postgresql_extension.go, resourcePostgreSQLExtensionCreate): in one transaction on the extension's
 * database, `CREATE EXTENSION IF NOT EXISTS <name> [SCHEMA <schema>] [VERSION <version>] [CASCADE]`.
 *
 * Kept apart from postgresql-provider-emulation.ts (the resource types of the access model). On RDS the master
 * user is a member of rds_superuser and may create every extension RDS offers; the local master is a plain
 * CREATEROLE/CREATEDB role, so it creates the trusted extensions itself (pg_trgm, unaccent: trusted since
 * PostgreSQL 13) and the bootstrap superuser stands in for rds_superuser on the others (pg_stat_statements).
 */
import type { Client } from 'pg';
import type { TerraformJson } from '../../synth/terraform-json';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function createExtension(client: Client, a: Record<string, unknown>): Promise<void> {
  const sql = [
    `CREATE EXTENSION IF NOT EXISTS ${ident(String(a.name))}`,
    ...(a.schema ? [`SCHEMA ${ident(String(a.schema))}`] : []),
    ...(a.version ? [`VERSION ${ident(String(a.version))}`] : []),
    ...(a.create_cascade === true ? ['CASCADE'] : []),
  ].join(' ');
  await client.query('BEGIN');
  try {
    await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * Applies every `postgresql_extension` of the stack: `${postgresql_schema.<id>.name}` resolved from the stack,
 * trusted extensions as `master`, the others as `superuser` (rds_superuser's part). Returns who created what.
 */
export async function applyExtensions(
  stack: TerraformJson,
  master: Client,
  superuser: Client,
): Promise<Map<string, 'master' | 'superuser (as rds_superuser)'>> {
  const created = new Map<string, 'master' | 'superuser (as rds_superuser)'>();
  for (const [address, block] of Object.entries(stack.resource?.postgresql_extension ?? {}).sort()) {
    const schemaRef = /^\$\{postgresql_schema\.([\w-]+)\.name\}$/.exec(String(block.schema ?? ''));
    const schema = schemaRef ? stack.resource?.postgresql_schema?.[schemaRef[1]]?.name : block.schema;
    const trusted = await master.query(
      'SELECT bool_or(trusted) AS trusted FROM pg_available_extension_versions WHERE name = $1',
      [block.name],
    );
    const asMaster = trusted.rows[0]?.trusted === true;
    try {
      await createExtension(asMaster ? master : superuser, { ...block, schema });
    } catch (error) {
      throw new Error(
        `emulated apply of postgresql_extension.${address} failed: ${(error as Error).message}`,
      );
    }
    created.set(String(block.name), asMaster ? 'master' : 'superuser (as rds_superuser)');
  }
  return created;
}
