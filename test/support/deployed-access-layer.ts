/**
 * The postgresql layer of an environment deployed on a real PostgreSQL 15 as a first `cdktf deploy` would, by an
 * RDS-like master that is no superuser (provider SQL emulated, see postgresql-provider-emulation.ts and
 * postgresql-extension-emulation.ts), in the order of access-matrix.ts: roles, schemas and extensions, the owners'
 * first tables, the grants, the owners' later tables. The outsider
 * exists before anything is applied, as any role created by hand would.
 */
import type { EnvironmentConfig } from '../../environments/config';
import type { TerraformJson } from '../../synth/terraform-json';
import { createOutsider, createProbeTables, EXISTING_TABLE, LATER_TABLE, OUTSIDER } from './access-matrix';
import { emulatedApply, type AppliedState } from './emulated-apply';
import type { LocalPostgres } from './local-postgres';
import { applyExtensions } from './postgresql-extension-emulation';
import { createRdsLikeDatabase } from './rds-like-database';

export interface DeployedAccessLayer {
  readonly state: AppliedState;
  /** The password a login role (or the outsider) was given. */
  password(role: string): string;
}

export async function deployAccessLayer(
  server: LocalPostgres,
  env: EnvironmentConfig,
  stack: TerraformJson,
): Promise<DeployedAccessLayer> {
  const master = await createRdsLikeDatabase(server, env);
  const superuser = await server.connect('postgres', env.database.databaseName);
  const state: AppliedState = new Map();
  try {
    await createOutsider(superuser);
    await emulatedApply(master, stack, ['random_password', 'postgresql_role', 'postgresql_schema'], state);
    await applyExtensions(stack, master, superuser);
    await createProbeTables(superuser, env.databaseAccess.schemas, EXISTING_TABLE);
    await emulatedApply(master, stack, ['postgresql_grant', 'postgresql_default_privileges'], state);
    await createProbeTables(superuser, env.databaseAccess.schemas, LATER_TABLE);
  } finally {
    await master.end();
    await superuser.end();
  }
  return {
    state,
    password: (role) =>
      role === OUTSIDER.name
        ? OUTSIDER.password
        : String(state.get(`postgresql_role.database_access_role_${role}`)?.password),
  };
}
