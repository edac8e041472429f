/**
 * How every platform Deployment rolls: a new pod starts before an old one stops (maxUnavailable 0), one at a time.
 * The surge pod counts against the namespace quota while both run, so the quota rule adds it
 * (environments/platform-workloads.ts): a quota without room for it stalls the rollout.
 */
export const SURGE_PODS = 1;

export const rollingUpdate = {
  type: 'RollingUpdate',
  rollingUpdate: { maxUnavailable: '0', maxSurge: String(SURGE_PODS) },
} as const;
