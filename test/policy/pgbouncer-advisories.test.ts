/**
 * The advisory table behind LW-PGB-016: which versions it refuses, and why, for images as the chart writes them.
 */
import { policyRules } from '../../policy';
import { advisoriesAffecting, pgbouncerAdvisories } from '../../policy/pgbouncer-advisories';
import type { Block } from '../../synth/terraform-json';

const rule = policyRules.find((r) => r.id === 'LW-PGB-016');
const deploymentWith = (image: string): Block => ({
  metadata: { labels: { 'app.kubernetes.io/name': 'pgbouncer' } },
  spec: { template: { spec: { container: [{ name: 'pgbouncer', image }] } } },
});
const verdict = (image: string) =>
  rule?.check({
    config: {} as never,
    stack: { resource: { kubernetes_deployment_v1: { pgbouncer: deploymentWith(image) } } },
  })[0];

describe('PgBouncer advisories', () => {
  test('each row is dated, names its fixing release and cites its source', () => {
    for (const a of pgbouncerAdvisories) {
      expect(a.id).toMatch(/^CVE-\d{4}-\d{4,}$/);
      expect(a.fixedIn).toMatch(/^\d+\.\d+\.\d+$/);
      expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.source).toMatch(/NEWS\.md, \d+\.\d+\.\d+$/);
    }
  });

  test.each([
    ['1.24.1', ['CVE-2026-6664', 'CVE-2026-6665', 'CVE-2026-6666', 'CVE-2026-6667', 'CVE-2025-12819']],
    ['1.25.1', ['CVE-2026-6664', 'CVE-2026-6665', 'CVE-2026-6666', 'CVE-2026-6667']],
    ['1.25.2', []],
    ['1.26.0', []],
  ])('%s is affected by %j', (version, ids) => {
    expect(advisoriesAffecting(version).map((a) => a.id)).toEqual(ids);
  });

  test.each([
    ['ghcr.io/icoretech/pgbouncer-docker:1.25.2', 'pass', undefined],
    [`ghcr.io/icoretech/pgbouncer-docker:1.25.2@sha256:${'a'.repeat(64)}`, 'pass', undefined],
    [
      'registry.local:5000/pgbouncer:1.24.1',
      'fail',
      /1\.24\.1 is affected by CVE-2026-6664 \(fixed in 1\.25\.2\)/,
    ],
    [
      `ghcr.io/icoretech/pgbouncer-docker@sha256:${'a'.repeat(64)}`,
      'fail',
      /cannot tell the PgBouncer version/,
    ],
  ])('%s: %s', (image, status, detail) => {
    const result = verdict(image);
    expect(result?.status).toBe(status);
    if (detail) expect(result?.detail).toMatch(detail);
  });

  test('judges only the PgBouncer Deployment', () => {
    const other = {
      ...deploymentWith('redis:7.0.0'),
      metadata: { labels: { 'app.kubernetes.io/name': 'redis' } },
    };
    const results = rule?.check({
      config: {} as never,
      stack: { resource: { kubernetes_deployment_v1: { redis: other } } },
    });
    expect(results?.map((r) => r.status)).toEqual(['not-applicable']);
  });
});
