/**
 * Each namespace's compute quota holds every platform pod in it at once (environments/platform-workloads.ts),
 * including the surge pods of a rollout of every Deployment (one apply can roll them all; a pod the quota refuses
 * stalls its rollout, since no old pod stops first): requests and limits, cpu and memory. Reported on the quota,
 * with each workload's share in the message.
 */
import { parseQuantity } from '../../constructs/k8s-quantity';
import { SURGE_PODS } from '../../charts/rolling-update';
import { platformWorkloads, type PlatformWorkload } from '../platform-workloads';
import type { EnvironmentRule } from '../validation';
import { isIntegerIn } from './formats';

const shown = (r: 'cpu' | 'memory', value: number) =>
  r === 'cpu' ? `${Math.round(value * 1000)}m` : `${Math.round(value / 2 ** 20)}Mi`;

const podsDuringRollout = (w: PlatformWorkload) => w.replicas + w.surge;

/** The workloads' sum for one kind and resource, or undefined when a quantity is invalid (its own rule says so). */
function total(workloads: readonly PlatformWorkload[], kind: 'requests' | 'limits', r: 'cpu' | 'memory') {
  const values = workloads.map((w) => parseQuantity(w.resources[kind][r]));
  if (values.some((v) => v === undefined)) return undefined;
  return values.reduce<number>((sum, v, i) => sum + (v as number) * podsDuringRollout(workloads[i]), 0);
}

export const namespaceQuotaRules: readonly EnvironmentRule[] = [
  (env, c) => {
    const workloads = platformWorkloads(env);
    if (!workloads.every((w) => isIntegerIn(w.replicas, 1, 20))) return; // the replica rules report it
    env.cluster.namespaces.forEach((ns, i) => {
      const inside = workloads.filter((w) => w.namespace === ns.name);
      if (inside.length === 0) return;
      for (const kind of ['requests', 'limits'] as const) {
        for (const r of ['cpu', 'memory'] as const) {
          const needed = total(inside, kind, r);
          const quota = parseQuantity(ns.quota[kind][r]);
          if (needed === undefined || quota === undefined) continue;
          const terms = inside
            .map((w) => `${w.name} ${podsDuringRollout(w)} × ${w.resources[kind][r]}`)
            .join(' + ');
          c.check(
            `cluster.namespaces[${i}].quota.${kind}.${r}`,
            ns.quota[kind][r],
            needed <= quota,
            `at least what the platform's pods in ${ns.name} take at once during a rollout (each Deployment's replicas + ${SURGE_PODS}): ${terms} = ${shown(r, needed)}`,
          );
        }
      }
    });
  },
];
