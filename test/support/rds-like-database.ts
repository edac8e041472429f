/**
 * Prepares a local PostgreSQL the way RDS hands one over: a master role with CREATEROLE and CREATEDB but not
 * superuser, owning the initial database.
 */
import type { Client } from 'pg';
import type { EnvironmentConfig } from '../../environments/config';
import type { LocalPostgres } from './local-postgres';

export const MASTER_PASSWORD = 'local-master-password';

/** Creates the master role and the environment's database; returns a connection as the master. */
export async function createRdsLikeDatabase(server: LocalPostgres, env: EnvironmentConfig): Promise<Client> {
  const bootstrap = await server.connect('postgres', 'postgres');
  try {
    await bootstrap.query(
      `CREATE ROLE ${env.database.masterUsername} LOGIN CREATEROLE CREATEDB PASSWORD '${MASTER_PASSWORD}'`,
    );
    await bootstrap.query(
      `CREATE DATABASE ${env.database.databaseName} OWNER ${env.database.masterUsername}`,
    );
  } finally {
    await bootstrap.end();
  }
  return server.connect(env.database.masterUsername, env.database.databaseName, MASTER_PASSWORD);
}
