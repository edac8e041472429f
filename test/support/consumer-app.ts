/**
 * A real application (test/consumers/<name>/: its own package.json and committed lockfile, so the platform's
 * dependencies stay clean) run on the local bootstrap with exactly the variables of its generated .env file, through
 * the PgBouncer the tests use. Integration only: the install (`npm ci`, cache-friendly) happens here, never in the
 * unit loop.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppKey } from '../../contract/variables';
import { local } from '../../environments/local';
import { bootGeneratedPgBouncer, startLocalBootstrap, type LocalBootstrap } from './local-bootstrap';
import { environmentFor, resolvePgBouncer, type RunningPgBouncer } from './shipped-pgbouncer';

export const consumerDir = (name: string): string => resolve(__dirname, '..', 'consumers', name);

/** `npm ci` in the consumer's folder unless its node_modules already matches the lockfile; returns the seconds spent. */
export function installConsumer(name: string): number {
  const dir = consumerDir(name);
  const installed = join(dir, 'node_modules', '.package-lock.json');
  const lockfile = join(dir, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs) return 0;
  const started = Date.now();
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`npm ci in ${dir} failed:\n${result.stdout}${result.stderr}`);
  return (Date.now() - started) / 1000;
}

/**
 * The variables of the generated local/env/<app>.env, the PgBouncer port replaced by the one the test's PgBouncer
 * listens on (the only change).
 */
export function generatedEnv(
  bootstrap: LocalBootstrap,
  app: string,
  ports: { readonly generated: number; readonly running: number },
): Record<string, string> {
  const content = bootstrap.files().find((f) => f.path === `env/${app}.env`)?.content;
  if (content === undefined) throw new Error(`no env/${app}.env generated`);
  return Object.fromEntries(
    content
      .split('\n')
      .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
      .map((line) => {
        const at = line.indexOf('=');
        const value = line.slice(at + 1).replace(`:${ports.generated}/`, `:${ports.running}/`);
        return [line.slice(0, at), value];
      }),
  );
}

export interface ConsumerRun {
  readonly status: number | null;
  readonly output: string;
  readonly seconds: number;
}

/** Runs `command` in the consumer's folder with only `variables` (and PATH, HOME) as its environment. */
export function runConsumer(
  name: string,
  command: readonly string[],
  variables: Readonly<Record<string, string>>,
  timeoutMs = 120_000,
): ConsumerRun {
  const started = Date.now();
  const [program, ...args] = command;
  const result = spawnSync(program, args, {
    cwd: consumerDir(name),
    encoding: 'utf8',
    timeout: timeoutMs,
    // stdin closed: an interactive prompt ends the run instead of hanging it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...variables },
  });
  return {
    status: result.status,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Debian's Python with python3-django and python3-psycopg2; a failure in CI, a loud skip elsewhere. */
export function debianDjangoOrSkip(): string | undefined {
  const python = '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import django, psycopg2; print(django.get_version())'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (probe.status === 0) return python;
  const why = `Debian's python3-django and python3-psycopg2 are not installed (scripts/install-system-packages.sh)`;
  if (process.env.CI === 'true') throw new Error(`CI=true, but ${why}`);
  console.warn(`\n!!!!! SKIPPING the Django consumer test: ${why} !!!!!\n`);
  return undefined;
}

/** The local platform an application runs on: bootstrapped PostgreSQL 15, the shipped PgBouncer, its .env. */
export interface ConsumerPlatform {
  readonly bootstrap: LocalBootstrap;
  readonly bouncer: RunningPgBouncer;
  /** The variables of the app's generated .env (the PgBouncer port the test's). */
  readonly variables: Readonly<Record<string, string>>;
  /** The schema the app's role owns. */
  readonly schema: string;
  stop(): Promise<void>;
}

export async function startConsumerPlatform(app: AppKey): Promise<ConsumerPlatform> {
  const env = local.basedOn;
  const binary = resolvePgBouncer(env.cluster.pgbouncer.version);
  const bootstrap = await startLocalBootstrap({ ...local, basedOn: environmentFor(env, binary) });
  let bouncer: RunningPgBouncer | undefined;
  try {
    bootstrap.run();
    bouncer = await bootGeneratedPgBouncer(bootstrap, binary);
  } catch (error) {
    await bootstrap.stop();
    throw error;
  }
  const role = env.cluster.apps[app].databaseRole;
  return {
    bootstrap,
    bouncer,
    variables: generatedEnv(bootstrap, app, { generated: local.ports.pgbouncer, running: bouncer.port }),
    schema: env.databaseAccess.schemas.find((s) => s.owner === role)?.name as string,
    async stop() {
      await bouncer?.stop();
      await bootstrap.stop();
    },
  };
}

/** A run's outcome for one assertion: its status, and on failure its last output and PgBouncer's log tail. */
export function outcome(
  run: ConsumerRun,
  bouncer: RunningPgBouncer,
): { status: number | null; output: string } {
  // The tail: a failed migration prints all its SQL.
  const explain = () => `${run.output.slice(-4000)}\n--- pgbouncer ---\n${bouncer.logTail(20)}`;
  return { status: run.status, output: run.status === 0 ? '' : explain() };
}
