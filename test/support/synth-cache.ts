/**
 * A content-addressed cache of synthesized stacks for jest: the first worker to need a stack synthesizes it and
 * writes it to a file named by a hash of everything the synthesis reads (the sources below, the dependency lock,
 * the input configs); every later test file, worker and run reads that file and loads neither cdktf nor a provider
 * binding. Never stale: a changed source or config is another key. Safe in parallel: a file appears whole (written
 * aside, then renamed) and two workers racing write the same text.
 *
 * Jest only: the mutation run (Stryker's mocha runner) activates a mutant in the same sources, so it must synthesize
 * (its own arrangement: test/policy/support.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

/** What a synthesis reads: the modules stacks load (checked by test/synth-cache.test.ts), and their dependencies. */
export const synthesisInputs = [
  'environments',
  'contract',
  'charts',
  'constructs',
  'policy',
  'synth',
  'review',
  'stacks',
  'test/support/synth.ts',
  'test/support/synth-cache.ts',
  'test/support/synthesizer.ts',
  'test/support/with-change.ts',
  'package-lock.json',
  '.swcrc',
];

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

function filesOf(input: string): string[] {
  const path = join(root, input);
  const entries = readdirSync(path, { recursive: true, withFileTypes: true, encoding: 'utf8' });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
}

function isDirectory(input: string): boolean {
  return !/\.[a-z]+$/.test(input);
}

let sources: string | undefined;

/** Hash of the paths and contents of every synthesis input (once per test file: ~15 ms). */
export function sourcesHash(): string {
  if (sources) return sources;
  const files = synthesisInputs.flatMap((i) => (isDirectory(i) ? filesOf(i) : [i])).sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  return (sources = hash.digest('hex'));
}

/** The cache of this checkout (its path in the key: two checkouts never share a file). */
export const synthCacheRoot = join(tmpdir(), `lightwave-synth-${sha256(root).slice(0, 12)}`);

/** JSON of an input config, refusing what JSON would silently drop (a function would make two inputs one key). */
function canonical(input: unknown): string {
  return JSON.stringify(input, (_key, value: unknown) => {
    if (value === undefined) return '\0undefined';
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new Error(`a synthesis input holds a ${typeof value}: it cannot be a cache key`);
    return value;
  });
}

const enabled = () => process.env.JEST_WORKER_ID !== undefined && !('__stryker__' in globalThis);
const read = new Map<string, string>();

/** Writes aside, then renames: a reader sees the whole file or none. A failed write only costs a later synthesis. */
function store(file: string, text: string): void {
  const aside = `${file}.${process.pid}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(aside, text);
    renameSync(aside, file);
  } catch {
    rmSync(aside, { force: true });
  }
}

/** The text `synthesize` returns for `input`, from the cache when this input was synthesized from these sources. */
export function cachedSynthesis(input: unknown, synthesize: () => string): string {
  if (!enabled()) return synthesize();
  const dir = join(synthCacheRoot, sourcesHash());
  const file = join(dir, `${sha256(canonical(input))}.json`);
  const known = read.get(file);
  if (known !== undefined) return known;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = synthesize();
    store(file, text);
  }
  read.set(file, text);
  return text;
}

/**
 * Runs `validate` (which throws on an invalid input) unless `input` passed it before with these sources: a passing
 * validation leaves a marker beside the stacks, a failing one leaves nothing and fails again on every call. The
 * input must hold everything the validation reads besides the sources (the configs and the date).
 */
export function cachedValidation(input: unknown, validate: () => void): void {
  if (!enabled()) return validate();
  const file = join(synthCacheRoot, sourcesHash(), `valid-${sha256(canonical(input))}`);
  if (read.has(file) || existsSync(file)) return;
  validate();
  store(file, '');
  read.set(file, '');
}

/** Removes the stacks of sources other than today's (run from jest's global setup, before any worker reads). */
export function pruneSynthCache(): void {
  const current = sourcesHash();
  let dirs: string[] = [];
  try {
    dirs = readdirSync(synthCacheRoot);
  } catch {
    return;
  }
  for (const dir of dirs)
    if (dir !== current) rmSync(join(synthCacheRoot, dir), { recursive: true, force: true });
}
