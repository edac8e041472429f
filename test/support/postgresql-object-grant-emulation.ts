/**
 * EMULATION of what the cyrilgdn/postgresql provider v1.26.0 executes to create a `postgresql_grant` that names
 * `objects` (tables), following resource_postgresql_grant.go: resourcePostgreSQLGrantCreateOrUpdate (one
 * transaction, pgLockRole), getRolesToGrant (owners of the schema's tables and the schema's owner, granted to the
 * non-superuser master for the duration: helpers.go withRolesGranted), createRevokeQuery (`REVOKE <privileges> ON
 * TABLE <schema>.<object>, … FROM <role>`) and createGrantQuery (`GRANT <privileges> ON TABLE … TO <role>`).
 *
 * Kept apart from postgresql-provider-emulation.ts, whose createGrant covers whole-schema grants only.
 */
import type { Client } from 'pg';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function createObjectGrant(master: Client, a: Record<string, unknown>): Promise<void> {
  const [role, schema, type] = [String(a.role), String(a.schema), String(a.object_type).toUpperCase()];
  const objects = (a.objects as string[]).map((o) => `${ident(schema)}.${ident(o)}`).join(',');
  const privileges = (a.privileges as string[]).join(',');
  const owners = await master.query(
    `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = $1
     UNION SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1`,
    [schema],
  );
  const me = (await master.query('SELECT current_user AS me')).rows[0].me as string;
  const borrowed = owners.rows.map((r) => String(r.owner)).filter((o) => o !== me);
  await master.query('BEGIN');
  try {
    await master.query('SELECT pg_advisory_xact_lock(oid::bigint) FROM pg_roles WHERE rolname = $1', [role]);
    for (const owner of borrowed) await master.query(`GRANT ${ident(owner)} TO ${ident(me)}`);
    await master.query(`REVOKE ${privileges} ON ${type} ${objects} FROM ${ident(role)}`);
    await master.query(`GRANT ${privileges} ON ${type} ${objects} TO ${ident(role)}`);
    for (const owner of borrowed) await master.query(`REVOKE ${ident(owner)} FROM ${ident(me)}`);
    await master.query('COMMIT');
  } catch (error) {
    await master.query('ROLLBACK');
    throw error;
  }
}
