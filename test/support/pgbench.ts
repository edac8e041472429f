/**
 * pgbench (PostgreSQL 15), run bounded in time, with its summary read back: transactions processed and failed,
 * clients aborted (pgbench 15 ends a client on any error but serialization or deadlock failures), and optionally
 * when each transaction completed (its per-transaction log).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgbenchTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** libpq sslmode: `disable` to PgBouncer (plain TCP in the cluster), `require` to the server. */
  readonly sslMode: 'disable' | 'require';
}

/**
 * How long pgbench runs: `seconds` (-T; pgbench 15 counts the clients' initial connection time in it, which a busy
 * machine can stretch to most of a short run) or `transactions` per client (-t, all clients connected first).
 */
export type PgbenchRun = ({ readonly seconds: number } | { readonly transactions: number }) & {
  readonly clients: number;
  /** Keep going when clients abort (a fault test); otherwise an abort rejects. @default false */
  readonly allowAborts?: boolean;
  /** Record when each transaction completed (epoch ms, sorted). @default false */
  readonly transactionTimes?: boolean;
};

export interface PgbenchResult {
  readonly processed: number;
  readonly failed: number;
  /** Clients pgbench ended because a statement failed (the transaction it was in failed with it). */
  readonly aborted: number;
  /** The error that ended each aborted client (first line of pgbench's message). */
  readonly abortMessages: readonly string[];
  readonly tps: number;
  /** Completion times of successful transactions, epoch ms ascending (with `transactionTimes`). */
  readonly completedAt: readonly number[];
  readonly output: string;
}

const connection = (t: PgbenchTarget) => ['-h', t.host, '-p', String(t.port), '-U', t.user, t.database];
const environment = (t: PgbenchTarget) => ({ ...process.env, PGPASSWORD: t.password, PGSSLMODE: t.sslMode });

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, { env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output });
    });
  });
}

/** Creates pgbench's tables (scale 5) as the target's user, in its default schema. */
export async function initPgbench(target: PgbenchTarget): Promise<void> {
  const { code, output } = await run(
    ['-i', '-s', '5', '-q', ...connection(target)],
    environment(target),
    120_000,
  );
  if (code !== 0) throw new Error(`pgbench -i exited ${code}:\n${output}`);
}

/** Completion times (epoch ms) of the successful transactions in pgbench's per-transaction logs under `dir`. */
function completionTimes(dir: string): number[] {
  const times: number[] = [];
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      // client_id transaction_no time script_no time_epoch time_us [schedule_lag retries]
      const f = line.trim().split(/\s+/);
      if (f.length >= 6 && /^\d+$/.test(f[2])) times.push(Number(f[4]) * 1000 + Number(f[5]) / 1000);
    }
  }
  return times.sort((a, b) => a - b);
}

/** The default (TPC-B-like) script against `target`, `clients` connected for the whole run. */
export async function pgbench(target: PgbenchTarget, r: PgbenchRun): Promise<PgbenchResult> {
  const logDir = r.transactionTimes ? mkdtempSync(join(tmpdir(), 'lightwave-pgbench-')) : undefined;
  const length = 'seconds' in r ? ['-T', String(r.seconds)] : ['-t', String(r.transactions)];
  const args = ['-c', String(r.clients), '-j', '4', ...length, '-n'];
  if (logDir) args.push('-l', `--log-prefix=${join(logDir, 'tx')}`);
  try {
    const timeoutMs = ('seconds' in r ? r.seconds + 120 : 600) * 1000;
    const { code, output } = await run([...args, ...connection(target)], environment(target), timeoutMs);
    // "client 3 script 0 aborted in command 4 query 0: FATAL: …" or "client 3 aborted in command 4 (SQL) of script 0; …"
    const abortMessages = [
      ...output.matchAll(/client \d+ (?:script \d+ )?aborted[^\n]*?(?:query \d+: |; )([^\n]*)/g),
    ].map((m) => m[1].trim());
    const aborted = (output.match(/client \d+ (script \d+ )?aborted/g) ?? []).length;
    // 0: clean; 2: some clients aborted, the summary covers the rest.
    if (
      code !== 0 &&
      !(code === 2 && r.allowAborts && /number of transactions actually processed/.test(output))
    ) {
      throw new Error(`pgbench ${args.join(' ')} exited ${code}:\n${output.slice(-4000)}`);
    }
    const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? NaN);
    return {
      processed: number(/number of transactions actually processed: (\d+)/),
      failed: number(/number of failed transactions: (\d+)/),
      aborted,
      abortMessages,
      tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
      completedAt: logDir ? completionTimes(logDir) : [],
      output,
    };
  } finally {
    if (logDir) rmSync(logDir, { recursive: true, force: true });
  }
}
