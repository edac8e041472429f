/**
 * `npm run build` / `node scripts/build.js [module]`: compiles the TypeScript sources to dist/ with swc, unless dist/
 * was compiled from exactly these sources, then (with an argument) runs `module` in this process. `cdktf synth`
 * runs `node scripts/build.js dist/main.js`, so an unchanged checkout synthesizes without compiling, and no npm start
 * sits between the CLI and the app.
 *
 * Never stale: dist/ carries a hash of the path and content of every compiled file, the swc settings and the
 * dependency lock (`dist/.sources-sha256`, written after a build succeeds, removed when one starts); anything else
 * is a full build into an emptied dist/, so a deleted source leaves no compiled module behind.
 *
 * Plain JavaScript: it runs before anything is compiled.
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { readFileSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');

const root = resolve(__dirname, '..');
/** What `swc` compiles. */
const sources = [
  'main.ts',
  'environments',
  'stacks',
  'constructs',
  'charts',
  'contract',
  'synth',
  'review',
  'policy',
  'local-dev',
  'scripts',
];
/** What else decides the output: the compiler's settings and version. */
const settings = ['.swcrc', 'package-lock.json'];
const stampName = '.sources-sha256';

/** @param {string} path a file or directory under the root @returns {string[]} its files, relative to the root */
function filesOf(path) {
  const absolute = join(root, path);
  if (!statSync(absolute).isDirectory()) return [path];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** @returns {string} hash of the path and content of every source and setting (~20 ms) */
function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of [...sources, ...settings].flatMap(filesOf).sort()) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** @param {string} outdir @returns {string | undefined} the hash dist/ was compiled from */
function stampOf(outdir) {
  try {
    return readFileSync(join(outdir, stampName), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Compiles the sources to `outdir` unless it holds them compiled already.
 * @param {string} outdir @returns {boolean} whether swc ran
 */
function build(outdir = join(root, 'dist')) {
  const hash = sourcesHash();
  if (stampOf(outdir) === hash) return false;
  rmSync(join(outdir, stampName), { force: true });
  const swc = join(root, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
  const args = [swc, ...sources, '-d', outdir, '--delete-dir-on-start', '-q'];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`swc failed (exit ${result.status})`);
  writeFileSync(join(outdir, stampName), hash);
  return true;
}

module.exports = { build, sourcesHash, sources };

if (require.main === module) {
  build();
  if (process.argv[2]) require(resolve(process.argv[2]));
}
