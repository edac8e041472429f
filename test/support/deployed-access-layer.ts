/**
 * The postgresql layer of an environment deployed on a real PostgreSQL 15 as a first `cdktf deploy` would, by an
 * RDS-like master that is no superuser: the postgresql_* resources of the synthesized stack go through the
 * EMULATED provider (its input checks, SQL and read-back: postgresql-provider-*.ts, postgresql-extension-emulation.ts)
 * in the order of access-matrix.ts: the outsider (any role created by hand), roles, schemas and extensions, the
 * owners' `existing` objects, the grants, the owners' `later` objects. Only then does the provider's refresh run,
 * giving what the next plan would change.
 */
import type { Client } from 'pg';
import type { EnvironmentConfig } from '../../environments/config';
import type { TerraformJson } from '../../synth/terraform-json';
import { createOutsider, migrateProbeObjects, OUTSIDER } from './access-matrix';
import { emulatedApply, planChangesOf, rolePassword, type AppliedState } from './emulated-apply';
import type { LocalPostgres } from './local-postgres';
import { applyExtensions } from './postgresql-extension-emulation';
import type { ProviderSession } from './postgresql-provider-emulation';
import { createRdsLikeDatabase, MASTER_PASSWORD } from './rds-like-database';

export interface DeployedAccessLayer {
  readonly state: AppliedState;
  /** What the next plan would change after the deployment (`address: attribute …`); empty when it converged. */
  readonly nextPlan: readonly string[];
  /** The password a login role (or the outsider) was given. */
  password(role: string): string;
}

/** The postgresql provider as the stack configures it (its database and user), connected to the local server. */
function providerSession(
  server: LocalPostgres,
  stack: TerraformJson,
): ProviderSession & { end(): Promise<void> } {
  const config = stack.provider?.postgresql?.[0] as { database: string; username: string };
  const clients = new Map<string, Promise<Client>>();
  return {
    database: config.database,
    client(database) {
      if (!clients.has(database))
        clients.set(database, server.connect(config.username, database, MASTER_PASSWORD));
      return clients.get(database) as Promise<Client>;
    },
    async end() {
      await Promise.allSettled([...clients.values()].map(async (c) => (await c).end()));
    },
  };
}

/** The generated password of each login role applied. */
function passwordsOf(state: AppliedState): Map<string, string> {
  const roles = [...state].filter(([address]) => address.startsWith('postgresql_role.'));
  return new Map(
    roles.flatMap(([, role]) => {
      const password = rolePassword(state, String(role.name));
      return password ? [[String(role.name), password]] : [];
    }),
  );
}

export async function deployAccessLayer(
  server: LocalPostgres,
  env: EnvironmentConfig,
  stack: TerraformJson,
): Promise<DeployedAccessLayer> {
  await (await createRdsLikeDatabase(server, env)).end();
  const superuser = await server.connect('postgres', env.database.databaseName);
  const session = providerSession(server, stack);
  const state: AppliedState = new Map();
  let nextPlan: string[];
  try {
    await createOutsider(superuser);
    await emulatedApply(
      session,
      stack,
      ['random_password', 'random_bytes', 'postgresql_role', 'postgresql_schema'],
      state,
    );
    await applyExtensions(stack, await session.client(session.database), superuser);
    await migrateProbeObjects(superuser, env, 'existing');
    await emulatedApply(session, stack, ['postgresql_grant', 'postgresql_default_privileges'], state);
    await migrateProbeObjects(superuser, env, 'later');
    nextPlan = await planChangesOf(session, state);
  } finally {
    await session.end();
    await superuser.end();
  }
  const passwords = new Map([...passwordsOf(state), [OUTSIDER.name, OUTSIDER.password]]);
  return { state, nextPlan, password: (role) => String(passwords.get(role)) };
}
