/**
 * The local setup's PostgreSQL bootstrap, run for real: a throwaway PostgreSQL 15 left as the official image leaves
 * it (the database `POSTGRES_DB` owned by the superuser `postgres`), then the generated local/postgres/bootstrap.sh
 * with Debian's psql 15, exactly as the one-shot container runs it, except for two things it takes from its
 * environment: the server's socket (PGHOST/PGPORT, /var/run/postgresql in the container) and where the credential
 * files are (local/secrets here, /run/secrets in the container).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { LocalConfig } from '../../environments/parts/local';
import { BOOTSTRAP_STEPS, postgresCommand } from '../../local-dev/postgres';
import { credentialNames, loadOrGenerateCredentials, type Credentials } from '../../local-dev/credentials';
import type { GeneratedFile } from '../../local-dev/generated-file';
import { localFiles } from '../../local-dev/local-files';
import { writeLocalFiles } from '../../local-dev/write';
import { createOutsider, migrateProbeObjects, OUTSIDER } from './access-matrix';
import { postgresBinDir, startLocalPostgres, type LocalPostgres } from './local-postgres';
import { bootPgBouncer, type PgBouncerBinary, type RunningPgBouncer } from './shipped-pgbouncer';

export interface LocalBootstrap {
  readonly server: LocalPostgres;
  /** The generated local/ directory. */
  readonly dir: string;
  credentials(): Credentials;
  files(): readonly GeneratedFile[];
  /**
   * Runs bootstrap.sh (again), after regenerating local/ (with new credentials when `rotate`): every step, or the
   * `steps` named (BOOTSTRAP_STEPS); returns its output.
   */
  run(options?: { rotate?: boolean; steps?: readonly string[] }): string;
  stop(): Promise<void>;
}

export async function startLocalBootstrap(local: LocalConfig): Promise<LocalBootstrap> {
  const root = mkdtempSync(join(tmpdir(), 'lightwave-local-bootstrap-'));
  chmodSync(root, 0o755); // the server's user reads nothing here, but psql runs as us
  const dir = join(root, 'local');
  const env = local.basedOn;
  const names = credentialNames(env);
  // Started with the compose file's `postgres -c …` settings (the parameter group's, pg_stat_statements preloaded).
  const command = postgresCommand(env.database);
  const settings = Object.fromEntries(
    command
      .filter((_, i) => command[i - 1] === '-c')
      .map((s) => [s.slice(0, s.indexOf('=')), `'${s.slice(s.indexOf('=') + 1)}'`]),
  );
  const server = await startLocalPostgres({ settings });
  const superuser = await server.connect('postgres', 'postgres');
  await superuser.query(`CREATE DATABASE ${env.database.databaseName}`); // POSTGRES_DB, owned by postgres
  await superuser.end();

  let credentials: Credentials = new Map();
  let files: readonly GeneratedFile[] = [];
  const generate = (rotate: boolean) => {
    credentials = loadOrGenerateCredentials(join(dir, 'secrets'), names, rotate).credentials;
    files = localFiles(local, credentials, { secretsDir: join(dir, 'secrets') });
    writeLocalFiles(dir, files);
  };

  const run = ({ rotate = false, steps = [] as readonly string[] } = {}) => {
    generate(rotate);
    const result = spawnSync('sh', [join(dir, 'postgres', 'bootstrap.sh'), ...steps], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        PGHOST: server.socketDir,
        PGPORT: String(server.port),
        PATH: `${postgresBinDir()}${delimiter}${process.env.PATH ?? ''}`,
      },
    });
    if (result.status !== 0) {
      throw new Error(
        `bootstrap.sh failed (${result.error ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}\n` +
          `--- postgres log ---\n${server.logTail()}`,
      );
    }
    return `${result.stdout}${result.stderr}`;
  };

  return {
    server,
    dir,
    credentials: () => credentials,
    files: () => files,
    run,
    async stop() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The bootstrap run in the order of access-matrix.ts, like deployAccessLayer (deployed-access-layer.ts) deploys the
 * layer: the outsider first, the master, the roles, schemas and extensions, the owners' `existing` objects, the
 * grants, the `later` objects. Returns the password each login role (or the outsider) has.
 */
export async function bootstrapLikeADeployment(
  bootstrap: LocalBootstrap,
  local: LocalConfig,
): Promise<(role: string) => string> {
  const env = local.basedOn;
  const [master, rolesAndSchemas, extensions, privileges] = BOOTSTRAP_STEPS;
  const superuser = await bootstrap.server.connect('postgres', env.database.databaseName);
  try {
    await createOutsider(superuser);
    bootstrap.run({ steps: [master, rolesAndSchemas, extensions] });
    await migrateProbeObjects(superuser, env, 'existing');
    bootstrap.run({ steps: [privileges] });
    await migrateProbeObjects(superuser, env, 'later');
  } finally {
    await superuser.end();
  }
  return (role) =>
    role === OUTSIDER.name ? OUTSIDER.password : String(bootstrap.credentials().get(`password_${role}`));
}

/** The generated pgbouncer.ini and userlist booted on `binary`, every database pointed at the bootstrap's server. */
export function bootGeneratedPgBouncer(
  bootstrap: LocalBootstrap,
  binary: PgBouncerBinary,
): Promise<RunningPgBouncer> {
  const file = (path: string) => bootstrap.files().find((f) => f.path === path)?.content as string;
  return bootPgBouncer({
    binary,
    ini: file('pgbouncer/pgbouncer.ini'),
    userlist: file('secrets/pgbouncer-userlist.txt'),
    server: { host: bootstrap.server.socketDir, port: bootstrap.server.port },
  });
}
