/**
 * The media copy job, run for real: Debian's rclone executes the exact arguments of the synthesized CronJob against
 * local directories standing in for R2 and S3. Only the remote definitions differ (rclone.conf names local `alias`
 * remotes instead of the two S3 endpoints), and `$(JOB_NAME)` is expanded the way the kubelet expands it.
 *
 * Counted outcomes: a new object is copied, a deleted one stays in the copy, an overwritten one keeps its previous
 * version reachable under `overwritten/<job>/`, and a run with nothing new copies nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prod } from '../../environments/prod';
import { onlyResource } from '../../synth/terraform-json';
import { get } from '../../synth/synthesized-environment';
import { synthEnvironment } from '../support/synth';

const rclone = ['/usr/bin/rclone', 'rclone'].find((bin) => spawnSync(bin, ['version']).status === 0);
if (!rclone && process.env.CI === 'true') throw new Error('CI=true, but rclone is not installed');
if (!rclone) console.warn('\n!!!!! SKIPPING the media copy test: rclone is not installed !!!!!\n');
const describeRclone = rclone ? describe : describe.skip;

interface Container {
  args: string[];
  env: { name: string; value?: string; value_from?: unknown }[];
}

const stack = synthEnvironment(prod);
const job = onlyResource(stack, 'kubernetes_cron_job_v1');
const container = (
  get(job, 'spec', 'job_template', 'spec', 'template', 'spec', 'container') as Container[]
)[0];
const SOURCE_BUCKET = prod.cloudflare.media.bucketName;
const COPY_BUCKET = prod.dataProtection.mediaCopy.bucketName;

/** `$(NAME)` references expanded from the container's env, as the kubelet does (unknown names stay as written). */
function expand(arg: string, env: Record<string, string>): string {
  return arg.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) => env[name] ?? whole);
}

describeRclone('media copy job (Debian rclone, local stand-ins for R2 and S3)', () => {
  const root = mkdtempSync(join(tmpdir(), 'lightwave-media-copy-'));
  const r2 = join(root, 'r2', SOURCE_BUCKET);
  const mirror = join(root, 's3', COPY_BUCKET, 'media');
  const overwritten = (jobName: string) => join(root, 's3', COPY_BUCKET, 'overwritten', jobName);
  const config = join(root, 'rclone.conf');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  writeFileSync(
    config,
    `[r2]\ntype = alias\nremote = ${join(root, 'r2')}\n\n[copy]\ntype = alias\nremote = ${join(root, 's3')}\n`,
  );
  const put = (name: string, body: string, mtimeSeconds: number) => {
    const file = join(r2, name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, body);
    utimesSync(file, mtimeSeconds, mtimeSeconds);
  };

  /** Runs the shipped arguments as the Job `jobName`; returns the objects rclone reported per outcome. */
  function run(jobName: string): Record<string, string[]> {
    const env: Record<string, string> = { JOB_NAME: jobName };
    for (const e of container.env) if (e.value !== undefined) env[e.name] = e.value;
    const args = container.args
      .map((a) => expand(a, env))
      .map((a) =>
        a.startsWith('--config=')
          ? `--config=${config}`
          : a.startsWith('--cache-dir=')
            ? `--cache-dir=${join(root, 'cache')}`
            : a,
      );
    const result = spawnSync(rclone as string, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`rclone ${args.join(' ')} failed:\n${result.stderr}`);
    const outcomes: Record<string, string[]> = {};
    for (const line of result.stderr.split('\n').filter((l) => l.startsWith('{'))) {
      const entry = JSON.parse(line) as { msg: string; object?: string };
      if (entry.object) (outcomes[entry.msg] ??= []).push(entry.object);
    }
    return outcomes;
  }

  const t0 = Math.floor(Date.now() / 1000) - 86_400;

  test('the shipped command copies R2 into the mirror prefix, and moves replaced copies aside per run', () => {
    expect(container.args.slice(0, 4)).toEqual([
      'copy',
      `r2:${SOURCE_BUCKET}`,
      `copy:${COPY_BUCKET}/media`,
      `--backup-dir=copy:${COPY_BUCKET}/overwritten/$(JOB_NAME)`,
    ]);
    expect(container.args).toEqual(
      expect.arrayContaining(['--update', '--use-server-modtime', '--fast-list']),
    );
    expect(container.args).not.toContain('sync');
  });

  test('first run: every object is copied', () => {
    put('2025/01/a.jpg', 'a-v1', t0);
    put('2025/01/b.jpg', 'b-v1', t0);
    put('2025/01/c.jpg', 'c-v1', t0);
    const outcomes = run('media-copy-29000000');
    expect(outcomes['Copied (new)']?.sort()).toEqual(['2025/01/a.jpg', '2025/01/b.jpg', '2025/01/c.jpg']);
    expect(readFileSync(join(mirror, '2025/01/c.jpg'), 'utf8')).toBe('c-v1');
  });

  test('second run: the new object is copied, the deleted one kept, the overwritten one keeps its previous version', () => {
    put('2025/02/d.jpg', 'd-v1', t0 + 3600);
    rmSync(join(r2, '2025/01/b.jpg'));
    put('2025/01/c.jpg', 'c-v2, a longer body', t0 + 7200);
    const outcomes = run('media-copy-29001440');
    // The replaced copy is moved aside first, so the new version lands as a new object at the freed path.
    expect(outcomes['Moved (server-side)']).toEqual(['2025/01/c.jpg']);
    expect(outcomes['Copied (new)']?.sort()).toEqual(['2025/01/c.jpg', '2025/02/d.jpg']);
    expect(
      Object.values(outcomes)
        .flat()
        .filter((o) => o.includes('b.jpg')),
    ).toEqual([]);
    expect(readFileSync(join(mirror, '2025/01/b.jpg'), 'utf8')).toBe('b-v1');
    expect(readFileSync(join(mirror, '2025/01/c.jpg'), 'utf8')).toBe('c-v2, a longer body');
    expect(readFileSync(join(overwritten('media-copy-29001440'), '2025/01/c.jpg'), 'utf8')).toBe('c-v1');
  });

  test('third run with nothing new copies nothing and moves nothing', () => {
    const outcomes = run('media-copy-29002880');
    expect(outcomes['Copied (new)'] ?? []).toEqual([]);
    expect(outcomes['Moved (server-side)'] ?? []).toEqual([]);
    expect(Object.keys(outcomes)).toEqual([]);
    expect(existsSync(overwritten('media-copy-29002880'))).toBe(false);
  });
});
