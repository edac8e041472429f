/**
 * The advisory table behind LW-PGB-016: which versions it refuses, and why, for images as the charts write them.
 */
import { policyRules } from '../../policy';
import { advisoriesAffecting, imageAdvisories, imageRelease } from '../../policy/image-advisories';
import type { Block } from '../../synth/terraform-json';

const rule = policyRules.find((r) => r.id === 'LW-PGB-016');
const deploymentWith = (image: string): Block => ({
  spec: { template: { spec: { container: [{ name: 'main', image }] } } },
});
const cronJobWith = (image: string): Block => ({
  spec: { job_template: { spec: { template: { spec: { container: [{ name: 'main', image }] } } } } },
});
const verdict = (image: string, workload = deploymentWith) =>
  rule?.check({
    config: {} as never,
    stack: {
      resource: {
        [workload === cronJobWith ? 'kubernetes_cron_job_v1' : 'kubernetes_deployment_v1']: {
          w: workload(image),
        },
      },
    },
  })[0];

describe('image advisories', () => {
  test('each row is dated, names a fixing release per line and cites its source', () => {
    for (const a of imageAdvisories) {
      expect(a.id).toMatch(/^(CVE-\d{4}-\d{4,}|GHSA(-[0-9a-z]{4}){3})$/);
      expect(a.fixedIn.length).toBeGreaterThan(0);
      for (const f of a.fixedIn) expect(f).toMatch(/^\d+\.\d+\.\d+$/);
      expect(new Set(a.fixedIn.map((f) => f.split('.').slice(0, 2).join('.'))).size).toBe(a.fixedIn.length);
      expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.source.length).toBeGreaterThan(10);
    }
  });

  test.each([
    [
      'pgbouncer',
      '1.24.1',
      ['CVE-2026-6664', 'CVE-2026-6665', 'CVE-2026-6666', 'CVE-2026-6667', 'CVE-2025-12819'],
    ],
    ['pgbouncer', '1.25.2', []],
    [
      'redis',
      '7.0.15',
      [
        'CVE-2024-31449',
        'CVE-2024-31227',
        'CVE-2024-31228',
        'CVE-2025-49844',
        'CVE-2025-46817',
        'CVE-2025-46818',
        'CVE-2025-46819',
      ],
    ],
    ['redis', '7.2.10', ['CVE-2025-49844', 'CVE-2025-46817', 'CVE-2025-46818', 'CVE-2025-46819']],
    ['redis', '7.2.11', []],
    ['redis', '7.4.5', ['CVE-2025-49844', 'CVE-2025-46817', 'CVE-2025-46818', 'CVE-2025-46819']],
    ['redis', '8.1.0', ['CVE-2025-49844', 'CVE-2025-46817', 'CVE-2025-46818', 'CVE-2025-46819']],
    ['redis', '8.2.2', []],
    ['valkey', '8.1.10', ['GHSA-f4q9-j22m-xqq9']],
    ['valkey', '8.1.11', []],
    ['rclone', '1.68.2', ['CVE-2026-41179', 'CVE-2026-71310']],
    ['rclone', '1.76.0', []],
  ])('%s %s is affected by %j', (product, version, ids) => {
    expect(advisoriesAffecting(product, version).map((a) => a.id)).toEqual(ids);
  });

  test.each([
    ['ghcr.io/icoretech/pgbouncer-docker:1.25.2', { product: 'pgbouncer', version: '1.25.2' }],
    [
      `docker.io/valkey/valkey:8.1.11-alpine@sha256:${'a'.repeat(64)}`,
      { product: 'valkey', version: '8.1.11' },
    ],
    ['prometheuscommunity/postgres-exporter:v0.20.1', { product: 'postgres_exporter', version: '0.20.1' }],
    ['registry.local:5000/unknown:1.0.0', { product: undefined, version: '1.0.0' }],
    ['redis:7.2.11', { product: 'redis', version: '7.2.11' }], // Docker Hub's official image, short name
    ['library/redis:7.2.11', { product: 'redis', version: '7.2.11' }],
    // The same last path segment under another publisher or registry is not the product.
    ['evil.io/x/valkey:8.1.11', { product: undefined, version: '8.1.11' }],
    ['docker.io/evil/valkey:8.1.11-alpine', { product: undefined, version: '8.1.11' }],
    ['valkey:8.1.11', { product: undefined, version: '8.1.11' }], // docker.io/library/valkey: not Valkey's own
    ['localhost/rclone/rclone:1.76.0', { product: undefined, version: '1.76.0' }],
    ['ghcr.io/icoretech/pgbouncer-docker/extra:1.25.2', { product: undefined, version: '1.25.2' }],
  ])('%s is %j', (image, release) => {
    expect(imageRelease(image)).toEqual(release);
  });

  test.each([
    ['ghcr.io/icoretech/pgbouncer-docker:1.25.2', 'pass', undefined],
    [
      'ghcr.io/icoretech/pgbouncer-docker:1.24.1',
      'fail',
      /pgbouncer 1\.24\.1 is affected by CVE-2026-6664 \(fixed in 1\.25\.2\)/,
    ],
    ['evil.io/x/valkey:8.1.11', 'fail', /not in the advisory table/],
    [
      `ghcr.io/icoretech/pgbouncer-docker@sha256:${'a'.repeat(64)}`,
      'fail',
      /cannot tell the pgbouncer version/,
    ],
    [
      'docker.io/library/redis:7.4.5-alpine',
      'fail',
      /CVE-2025-49844 \(fixed in 7\.2\.11, 7\.4\.6, 8\.0\.4, 8\.2\.2\)/,
    ],
    ['docker.io/valkey/valkey:8.1.11-alpine', 'pass', undefined],
    ['example.org/tool:1.0.0', 'fail', /not in the advisory table/],
  ])('a Deployment of %s: %s', (image, status, detail) => {
    const result = verdict(image);
    expect(result?.status).toBe(status);
    if (detail) expect(result?.detail).toMatch(detail);
  });

  test('judges the containers of a CronJob too', () => {
    expect(verdict('docker.io/rclone/rclone:1.68.2', cronJobWith)?.status).toBe('fail');
    expect(verdict('docker.io/rclone/rclone:1.76.0', cronJobWith)?.status).toBe('pass');
  });
});
