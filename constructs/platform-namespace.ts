/**
 * A namespace as the platform hands it out: standard labels, Pod Security admission labels, a ResourceQuota,
 * a LimitRange that defaults what containers leave unset (a quota rejects pods without requests), a default-deny
 * NetworkPolicy for both directions, and DNS to kube-system as the one allowance every namespace needs.
 */
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { Construct } from 'constructs';
import type { NamespaceConfig } from '../environments/parts/cluster';
import { networkPolicy } from './network-policy';

export interface PlatformNamespaceProps {
  readonly config: NamespaceConfig;
  /** Labels for the namespace and everything in it (part-of, managed-by, environment). */
  readonly labels: Readonly<Record<string, string>>;
}

export class PlatformNamespace extends Construct {
  /** The namespace name, as a reference: objects using it are created after the namespace. */
  readonly name: string;

  constructor(scope: Construct, id: string, props: PlatformNamespaceProps) {
    super(scope, id);
    const { config, labels } = props;
    const psa = config.podSecurity;
    const namespace = new NamespaceV1(this, 'namespace', {
      metadata: {
        name: config.name,
        labels: {
          ...labels,
          'pod-security.kubernetes.io/enforce': psa.enforce,
          'pod-security.kubernetes.io/enforce-version': psa.version,
          'pod-security.kubernetes.io/warn': psa.warn,
          'pod-security.kubernetes.io/warn-version': psa.version,
          'pod-security.kubernetes.io/audit': psa.audit,
          'pod-security.kubernetes.io/audit-version': psa.version,
        },
        annotations: { 'lightwave.media/purpose': config.purpose },
      },
    });
    this.name = namespace.metadata.name;

    new ResourceQuotaV1(this, 'quota', {
      metadata: { name: 'compute', namespace: this.name, labels: { ...labels } },
      spec: {
        hard: {
          'requests.cpu': config.quota.requests.cpu,
          'requests.memory': config.quota.requests.memory,
          'limits.cpu': config.quota.limits.cpu,
          'limits.memory': config.quota.limits.memory,
          pods: String(config.quota.pods),
        },
      },
    });
    const range = config.limitRange;
    new LimitRangeV1(this, 'limit_range', {
      metadata: { name: 'container-defaults', namespace: this.name, labels: { ...labels } },
      spec: {
        limit: [
          {
            type: 'Container',
            min: { ...range.min },
            defaultRequest: { ...range.defaultRequest },
            default: { ...range.default },
            max: { ...range.max },
          },
        ],
      },
    });

    networkPolicy(this, 'default_deny', {
      namespace: this.name,
      name: 'default-deny-all',
      labels,
      podLabels: {},
      ingress: [],
      egress: [],
    });
    networkPolicy(this, 'allow_dns', {
      namespace: this.name,
      name: 'allow-dns',
      labels,
      podLabels: {},
      egress: [
        {
          peers: [{ namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } }],
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
      ],
    });
  }
}
