/**
 * The namespace quota holds every platform pod in it at once: PgBouncer and its exporter sidecars, the Postgres
 * exporter, Redis and the media copy job in `shared` (environments/platform-workloads.ts). The failing cases are in
 * support/validation-cases.ts.
 */
import type { EnvironmentConfig } from '../environments/config';
import { dev } from '../environments/dev';
import { platformWorkloads } from '../environments/platform-workloads';
import { prod } from '../environments/prod';
import { validateEnvironments } from '../environments/validate';
import { withChange, type Writable } from './support/with-change';

const SHARED = dev.cluster.namespaces.findIndex((n) => n.name === 'shared');

test('a disabled media copy job runs no pod, so the quota does not count it', () => {
  const tight = (e: Writable<EnvironmentConfig>) => (e.cluster.namespaces[SHARED].quota.limits.cpu = '2');
  const fields = (config: EnvironmentConfig) => validateEnvironments([config]).map((f) => f.field);
  expect(fields(withChange(dev, tight))).toContain(`cluster.namespaces[${SHARED}].quota.limits.cpu`);
  const disabled = withChange(dev, (e) => {
    tight(e);
    e.dataProtection.mediaCopy.enabled = false;
  });
  expect(fields(disabled)).not.toContain(`cluster.namespaces[${SHARED}].quota.limits.cpu`);
});

test('every platform workload of the shared namespace is counted, Redis and the media copy job with the exporters', () => {
  expect(
    platformWorkloads(dev)
      .filter((w) => w.namespace === 'shared')
      .map((w) => w.name),
  ).toEqual(['PgBouncer', 'PgBouncer exporter sidecar', 'Postgres exporter', 'Redis', 'media copy job']);
});

test("the quota error shows each workload's share", () => {
  const failure = validateEnvironments([
    withChange(dev, (e) => (e.cluster.namespaces[SHARED].quota.limits.cpu = '1500m')),
  ]).find((f) => f.field === `cluster.namespaces[${SHARED}].quota.limits.cpu`);
  expect(failure?.allowed).toBe(
    "at least what the platform's pods in shared take at once: PgBouncer 2 × 500m + PgBouncer exporter sidecar 2 × 100m + " +
      'Postgres exporter 1 × 200m + Redis 1 × 250m + media copy job 1 × 500m = 2150m',
  );
});

test('the registered environments fit their quotas', () => {
  expect(validateEnvironments([dev, prod]).filter((f) => /quota/.test(f.field))).toEqual([]);
});
