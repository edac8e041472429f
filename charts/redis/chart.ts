/**
 * The Redis cache in `shared`, as a typed bundle of Kubernetes objects: ConfigMap (redis.conf), Secret (ACL file
 * with SHA-256 password hashes), Deployment (one pod, restricted security context written out, no service-account
 * token, TCP probes, requests/limits) and Service.
 *
 * One replica on purpose: two independent caches behind one Service would answer with entries the other one has
 * deleted. Losing the pod costs a cold cache, not data (no persistence: see docs/application-contract.md).
 */
import { dirname } from 'node:path';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { ComputeQuantities } from '../../environments/parts/cluster';
import { tcpProbes } from '../probes';
import { pinnedImage, restrictedContainer, restrictedPod } from '../security-context';
import {
  REDIS_ACL_FILE,
  REDIS_CONFIG_DIR,
  REDIS_DATA_DIR,
  REDIS_DEFAULT_PORT,
  renderAclFile,
  renderRedisConf,
  serverBinary,
  type RedisAclProfile,
  type RedisServer,
} from './config';
import { rollingUpdate } from '../rolling-update';

export interface RedisUser {
  readonly name: string;
  /** Plain-text password (a token resolved at apply time); only its SHA-256 reaches the ACL file. */
  readonly password: string;
  readonly profile: RedisAclProfile;
  /** @default - none (required for the cache profile) */
  readonly keyPrefix?: string;
}

export interface RedisChartProps {
  readonly namespace: string;
  /**
   * Name of every object, and the Service's DNS name.
   *
   * @default 'redis'
   */
  readonly name?: string;
  /** Labels added to every object. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** The server the image runs (its executable's name). */
  readonly server: RedisServer;
  /** Server version the image runs; redis.conf is rendered for it. */
  readonly version: string;
  readonly image: { readonly repository: string; readonly tag: string; readonly digest?: string };
  readonly maxMemoryBytes: number;
  readonly evictionPolicy: string;
  readonly users: readonly RedisUser[];
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
  /** Non-root UID and GID of the container. */
  readonly runAsUser: number;
  /**
   * Port Redis listens on (container and Service).
   *
   * @default 6379
   */
  readonly port?: number;
}

const CONFIG_DIR = REDIS_CONFIG_DIR;
const ACL_DIR = dirname(REDIS_ACL_FILE);
const DATA_DIR = REDIS_DATA_DIR;

export class RedisChart extends Construct {
  /** Labels that select the Redis pod (for NetworkPolicies). */
  readonly selectorLabels: Readonly<Record<string, string>>;
  /** In-cluster DNS name applications connect to. */
  readonly host: string;
  readonly port: number;
  readonly configMap: ConfigMapV1;
  readonly secret: SecretV1;
  readonly deployment: DeploymentV1;
  readonly service: ServiceV1;

  constructor(scope: Construct, id: string, props: RedisChartProps) {
    super(scope, id);
    const name = props.name ?? 'redis';
    this.port = props.port ?? REDIS_DEFAULT_PORT;
    this.host = `${name}.${props.namespace}.svc.cluster.local`;
    this.selectorLabels = { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': name };
    const labels = {
      ...props.labels,
      ...this.selectorLabels,
      'app.kubernetes.io/version': props.version,
      'app.kubernetes.io/component': 'cache',
    };
    const metadata = { name, namespace: props.namespace, labels };

    this.configMap = new ConfigMapV1(this, 'config', {
      metadata,
      data: {
        'redis.conf': renderRedisConf({
          version: props.version,
          bindAddress: '0.0.0.0',
          port: this.port,
          maxMemoryBytes: props.maxMemoryBytes,
          evictionPolicy: props.evictionPolicy,
          aclFile: REDIS_ACL_FILE,
          dataDir: DATA_DIR,
        }),
      },
    });
    this.secret = new SecretV1(this, 'acl', {
      metadata: { ...metadata, name: `${name}-acl` },
      type: 'Opaque',
      data: {
        'users.acl': renderAclFile(
          props.users.map((u) => ({
            name: u.name,
            passwordSha256: Fn.sha256(u.password),
            profile: u.profile,
            ...(u.keyPrefix ? { keyPrefix: u.keyPrefix } : {}),
          })),
        ),
      },
    });
    this.deployment = this.createDeployment(props, metadata, labels);
    this.service = new ServiceV1(this, 'service', {
      metadata,
      spec: {
        type: 'ClusterIP',
        selector: this.selectorLabels,
        port: [{ name: 'redis', port: this.port, targetPort: 'redis', protocol: 'TCP' }],
      },
    });
  }

  private createDeployment(
    props: RedisChartProps,
    metadata: { name: string; namespace: string; labels: Record<string, string> },
    labels: Record<string, string>,
  ): DeploymentV1 {
    return new DeploymentV1(this, 'deployment', {
      metadata,
      spec: {
        replicas: '1',
        selector: { matchLabels: this.selectorLabels },
        strategy: rollingUpdate,
        template: {
          metadata: {
            labels,
            // A changed redis.conf or ACL file changes the pod template, so the pod restarts and loads it.
            annotations: {
              'checksum/config': Fn.sha256(Fn.jsonencode(this.configMap.data)),
              'checksum/acl': Fn.sha256(Fn.jsonencode(this.secret.data)),
            },
          },
          spec: {
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            terminationGracePeriodSeconds: 10,
            securityContext: restrictedPod(props.runAsUser),
            container: [
              {
                name: 'redis',
                ...pinnedImage(props.image),
                command: [serverBinary(props.server)],
                args: [`${CONFIG_DIR}/redis.conf`],
                port: [{ name: 'redis', containerPort: this.port, protocol: 'TCP' }],
                securityContext: restrictedContainer(props.runAsUser),
                resources: {
                  requests: { ...props.resources.requests },
                  limits: { ...props.resources.limits },
                },
                ...tcpProbes('redis', { readiness: 2, liveness: 15 }),
                volumeMount: [
                  { name: 'config', mountPath: CONFIG_DIR, readOnly: true },
                  { name: 'acl', mountPath: ACL_DIR, readOnly: true },
                  { name: 'data', mountPath: DATA_DIR },
                ],
              },
            ],
            volume: [
              { name: 'config', configMap: { name: this.configMap.metadata.name, defaultMode: '0444' } },
              { name: 'acl', secret: { secretName: this.secret.metadata.name, defaultMode: '0440' } },
              { name: 'data', emptyDir: { sizeLimit: '16Mi' } },
            ],
          },
        },
      },
    });
  }
}
