/**
 * Pod Security levels and container defaults every environment gives its namespaces. An environment that needs
 * something else writes its own values in place of these.
 */
import type { LimitRangeConfig, PodSecurityConfig } from './parts/cluster';

/** Applications: baseline enforced; what restricted would refuse is reported (warn) and audited. */
export const appPodSecurity: PodSecurityConfig = {
  enforce: 'baseline',
  warn: 'restricted',
  audit: 'restricted',
  version: 'v1.31',
};

/** Platform workloads (PgBouncer, Redis, monitoring) meet restricted. */
export const sharedPodSecurity: PodSecurityConfig = {
  enforce: 'restricted',
  warn: 'restricted',
  audit: 'restricted',
  version: 'v1.31',
};

export const appLimitRange: LimitRangeConfig = {
  min: { cpu: '50m', memory: '64Mi' },
  defaultRequest: { cpu: '100m', memory: '256Mi' },
  default: { cpu: '500m', memory: '512Mi' },
  max: { cpu: '2', memory: '4Gi' },
};

export const sharedLimitRange: LimitRangeConfig = {
  min: { cpu: '25m', memory: '32Mi' },
  defaultRequest: { cpu: '100m', memory: '128Mi' },
  default: { cpu: '250m', memory: '256Mi' },
  max: { cpu: '1', memory: '2Gi' },
};
