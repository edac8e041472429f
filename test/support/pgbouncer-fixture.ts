/**
 * An environment's PgBouncer, ready to boot any number of times: its synthesized pgbouncer.ini and userlist, the
 * PgBouncer version they are rendered for (shipped-pgbouncer.ts), and behind it a throwaway PostgreSQL 15 that plays
 * RDS: TLS-only TCP, the roles and grants applied from the same stack, and the environment's pinned max_connections
 * with RDS's 5 superuser-reserved connections, so the server enforces the budget the config promises.
 */
import { Client } from 'pg';
import { RDS_RESERVED_CONNECTIONS } from '../../constructs/rds-instance-classes';
import type { EnvironmentConfig } from '../../environments/config';
import { resourcesOfType } from '../../synth/terraform-json';
import {
  ACCESS_RESOURCE_TYPES,
  emulatedApply,
  resolveInline,
  rolePassword,
  type AppliedState,
} from './emulated-apply';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';
import { initPgbench, type PgbenchTarget } from './pgbench';
import { createRdsLikeDatabase } from './rds-like-database';
import {
  bootPgBouncer,
  environmentFor,
  resolvePgBouncer,
  type BootOptions,
  type PgBouncerBinary,
  type RunningPgBouncer,
} from './shipped-pgbouncer';
import { synthEnvironment } from './synth';

export interface PgBouncerFixture {
  /** The environment as run: the config given, or re-rendered for the fallback PgBouncer. */
  readonly env: EnvironmentConfig;
  readonly binary: PgBouncerBinary;
  readonly postgres: LocalPostgres;
  /** The synthesized pgbouncer.ini, unchanged. */
  readonly ini: string;
  /** The role (or console user) password the emulated apply generated. */
  password(user: string): string;
  /**
   * A PgBouncer process on the synthesized ini, pointed at the local server. `ini` replaces the synthesized one, for
   * a benchmark's comparison with another setting; tests never pass it.
   */
  boot(options?: Partial<Pick<BootOptions, 'port' | 'reusePort' | 'ini'>>): Promise<RunningPgBouncer>;
  /** pgbench's view of `role` through a PgBouncer on `port`. */
  through(port: number, role?: string): PgbenchTarget;
  /** A client of `user` through a PgBouncer on `port` (`database` pgbouncer: its console). */
  client(port: number, user: string, database?: string): Promise<Client>;
  /** The bootstrap superuser over the server's socket (not counted against the roles' limits); errors are ignored. */
  superuser(): Promise<Client>;
  stop(): Promise<void>;
}

export async function startPgBouncerFixture(config: EnvironmentConfig): Promise<PgBouncerFixture> {
  const binary = resolvePgBouncer(config.cluster.pgbouncer.version);
  const env = environmentFor(config, binary);
  const stack = synthEnvironment(env);
  const postgres = await startLocalPostgres({
    tls: true,
    settings: {
      max_connections: env.database.parameters.maxConnections,
      superuser_reserved_connections: RDS_RESERVED_CONNECTIONS,
    },
  });
  const state: AppliedState = new Map();
  try {
    const master = await createRdsLikeDatabase(postgres, env);
    await emulatedApply(master, stack, ACCESS_RESOURCE_TYPES, state);
    await master.end();
  } catch (error) {
    await postgres.stop();
    throw new Error(`${(error as Error).message}\n--- postgres log ---\n${postgres.logTail()}`);
  }
  const configMap = resourcesOfType(stack, 'kubernetes_config_map_v1').cluster_pgbouncer_config;
  const secret = resourcesOfType(stack, 'kubernetes_secret_v1').cluster_pgbouncer_userlist;
  const ini = (configMap.data as Record<string, string>)['pgbouncer.ini'];
  const userlist = resolveInline((secret.data as Record<string, string>)['userlist.txt'], state);
  const password = (user: string) =>
    String(rolePassword(state, user) ?? state.get(`random_password.cluster_password_${user}`)?.result);
  const database = env.database.databaseName;
  const server = { host: '127.0.0.1', port: postgres.port };
  const direct: PgbenchTarget = {
    ...server,
    user: 'payload_user',
    password: password('payload_user'),
    database,
    sslMode: 'require',
  };
  await initPgbench(direct);

  return {
    env,
    binary,
    postgres,
    ini,
    password,
    boot: (options = {}) => bootPgBouncer({ binary, userlist, server, ...options, ini: options.ini ?? ini }),
    through: (port, role = 'payload_user') => ({
      host: '127.0.0.1',
      port,
      user: role,
      password: password(role),
      database,
      sslMode: 'disable',
    }),
    async client(port, user, db = database) {
      const client = new Client({ host: '127.0.0.1', port, user, password: password(user), database: db });
      client.on('error', () => undefined); // a server-side disconnect is what fault tests provoke
      await client.connect();
      return client;
    },
    async superuser() {
      const client = new Client({
        host: postgres.socketDir,
        port: postgres.port,
        user: 'postgres',
        database,
      });
      client.on('error', () => undefined); // the restart scenario stops the server under it
      await client.connect();
      return client;
    },
    stop: () => postgres.stop(),
  };
}
