/**
 * The namespace quota holds every platform pod in it at once: PgBouncer and its exporter sidecars, the Postgres
 * exporter and Redis in `shared` (environments/platform-workloads.ts).
 */
import { dev } from '../environments/dev';
import { platformWorkloads } from '../environments/platform-workloads';
import { prod } from '../environments/prod';
import { validateEnvironments } from '../environments/validate';
import { describeBadInputs, type BadInput } from './support/bad-inputs';
import { withChange } from './support/synth';

const SHARED = dev.cluster.namespaces.findIndex((n) => n.name === 'shared');

const badInputs: BadInput[] = [
  [
    'the platform pods in shared need more cpu limits than its quota',
    dev,
    (e) => (e.cluster.namespaces[SHARED].quota.limits.cpu = '1500m'),
    `cluster.namespaces[${SHARED}].quota.limits.cpu`,
    '1500m',
  ],
  [
    'the platform pods in shared request more memory than its quota',
    prod,
    (e) => (e.cluster.redis.resources.requests.memory = '8Gi'),
    `cluster.namespaces[${SHARED}].quota.requests.memory`,
    '8Gi',
  ],
];
describeBadInputs(badInputs);

test('every platform workload of the shared namespace is counted, Redis with the exporters', () => {
  expect(
    platformWorkloads(dev)
      .filter((w) => w.namespace === 'shared')
      .map((w) => w.name),
  ).toEqual(['PgBouncer', 'PgBouncer exporter sidecar', 'Postgres exporter', 'Redis']);
});

test("the quota error shows each workload's share", () => {
  const failure = validateEnvironments([
    withChange(dev, (e) => (e.cluster.namespaces[SHARED].quota.limits.cpu = '1500m')),
  ]).find((f) => f.field === `cluster.namespaces[${SHARED}].quota.limits.cpu`);
  expect(failure?.allowed).toBe(
    "at least what the platform's pods in shared take at once: PgBouncer 2 × 500m + PgBouncer exporter sidecar 2 × 100m + " +
      'Postgres exporter 1 × 200m + Redis 1 × 250m = 1650m',
  );
});

test('the registered environments fit their quotas', () => {
  expect(validateEnvironments([dev, prod]).filter((f) => /quota/.test(f.field))).toEqual([]);
});
