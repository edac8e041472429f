/**
 * The namespace quota holds every platform pod in it at once, a rollout's surge pods included: PgBouncer and its
 * exporter sidecars, the Postgres exporter, Redis and the media copy job in `shared` (environments/platform-workloads.ts). The failing cases are in
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
  // 3200m during a rollout with the job, 2700m without it.
  const tight = (e: Writable<EnvironmentConfig>) => (e.cluster.namespaces[SHARED].quota.limits.cpu = '3');
  const fields = (config: EnvironmentConfig) => validateEnvironments([config]).map((f) => f.field);
  expect(fields(withChange(dev, tight))).toContain(`cluster.namespaces[${SHARED}].quota.limits.cpu`);
  const disabled = withChange(dev, (e) => {
    tight(e);
    e.dataProtection.mediaCopy.enabled = false;
  });
  expect(fields(disabled)).not.toContain(`cluster.namespaces[${SHARED}].quota.limits.cpu`);
});

test("a rollout's surge pods are counted: a quota that holds the pods at rest (2150m) but not a rollout is refused", () => {
  const atRest = withChange(dev, (e) => (e.cluster.namespaces[SHARED].quota.limits.cpu = '2150m'));
  expect(validateEnvironments([atRest]).map((f) => f.field)).toContain(
    `cluster.namespaces[${SHARED}].quota.limits.cpu`,
  );
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
    "at least what the platform's pods in shared take at once during a rollout (each Deployment's replicas + 1): " +
      'PgBouncer 3 × 500m + PgBouncer exporter sidecar 3 × 100m + Postgres exporter 2 × 200m + Redis 2 × 250m + ' +
      'media copy job 1 × 500m = 3200m',
  );
});

test('the registered environments fit their quotas', () => {
  expect(validateEnvironments([dev, prod]).filter((f) => /quota/.test(f.field))).toEqual([]);
});
