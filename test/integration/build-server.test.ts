/**
 * scripts/build-server.sh — the one builder of the harness's local-cache and download paths and of the workflows —
 * checks a tarball's sha256 BEFORE it extracts or builds anything. The tarball here is a FIXTURE standing in for a
 * release (its `configure` records that it ran; its Makefile makes a `pgbouncer` that prints `PgBouncer 9.9.9`), so
 * every build step leaves a trace; it reaches the script as a file:// URL, the way a download would (no network
 * here). The real tarballs go through the same script: ../shared/vendor's in global setup here, the official
 * releases in the workflows.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(__dirname, '..', '..', 'scripts', 'build-server.sh');
const root = mkdtempSync(join(tmpdir(), 'lightwave-build-server-'));
const marker = join(root, 'configure-ran');
const tarball = join(root, 'pgbouncer-9.9.9.tar.gz');
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(() => {
  const source = join(root, 'src', 'pgbouncer-9.9.9');
  mkdirSync(source, { recursive: true });
  writeFileSync(join(source, 'configure'), '#!/bin/sh\necho "$@" > "$BUILD_MARKER"\n', { mode: 0o755 });
  writeFileSync(
    join(source, 'Makefile'),
    'pgbouncer:\n\tprintf \'#!/bin/sh\\necho "PgBouncer 9.9.9"\\n\' > pgbouncer && chmod 0755 pgbouncer\n',
  );
  const tar = spawnSync('tar', ['czf', tarball, '-C', join(root, 'src'), 'pgbouncer-9.9.9']);
  expect(tar.status).toBe(0);
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function build(source: string, checksum: string, prefix: string) {
  rmSync(marker, { force: true });
  const run = spawnSync('bash', [script, 'pgbouncer', '9.9.9', source, checksum, prefix], {
    encoding: 'utf8',
    env: { ...process.env, BUILD_MARKER: marker },
  });
  return {
    status: run.status,
    stdout: run.stdout.trim(),
    stderr: run.stderr,
    configured: existsSync(marker),
  };
}

test('a FIXTURE release whose sha256 is the pinned one is built: configure ran, the installed binary reports the version', () => {
  const prefix = join(root, 'genuine');
  const result = build(`file://${tarball}`, sha256(tarball), prefix);
  expect(result).toEqual(
    expect.objectContaining({ status: 0, stdout: join(prefix, 'bin', 'pgbouncer'), configured: true }),
  );
  expect(spawnSync(result.stdout, ['-V'], { encoding: 'utf8' }).stdout).toBe('PgBouncer 9.9.9\n');
});

test('a tampered FIXTURE release (one byte appended) is refused before anything is extracted or built', () => {
  const tampered = join(root, 'tampered.tar.gz');
  writeFileSync(tampered, readFileSync(tarball));
  appendFileSync(tampered, 'x');
  const prefix = join(root, 'tampered');
  const result = build(`file://${tampered}`, sha256(tarball), prefix);
  expect(result.status).toBe(3);
  expect(result.stderr).toContain(`its sha256 is ${sha256(tampered)}, but ${sha256(tarball)} is pinned`);
  expect(result.configured).toBe(false);
  expect(existsSync(prefix)).toBe(false);
});

test('a source without a pinned sha256 is refused before it is fetched', () => {
  const result = build(`file://${join(root, 'absent.tar.gz')}`, '', join(root, 'unpinned'));
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('refused: no pinned sha256');
});
