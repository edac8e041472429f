/**
 * PgBouncer in front of RDS, as a typed bundle of Kubernetes objects: ConfigMap (pgbouncer.ini), Secret (userlist),
 * Deployment, Service and PodDisruptionBudget.
 *
 * Transaction pooling, SCRAM to clients and to the server, TLS to RDS, plain-text passwords in an auth_file mounted
 * from the Secret (RDS exposes no SCRAM secrets, so auth_query cannot work: pgbouncer/pgbouncer#265). The pod runs
 * under the restricted Pod Security Standard with every field written out (the kubernetes provider defaults
 * allow_privilege_escalation to true when a security_context block exists).
 *
 * Stopping a pod (rollout, node drain) loses no transaction: the preStop hook sleeps while the endpoint controller
 * and kube-proxy take the pod out of the Service, so PgBouncer still accepts every connection routed to it; then
 * the kubelet sends SIGTERM (the image sets no STOPSIGNAL), on which PgBouncer ≥ 1.23 closes its listening socket and
 * keeps serving the clients it has until they disconnect, then exits (doc/usage.md "Signals"). The grace period
 * leaves `drainSeconds` for that; applications recycle their connections sooner (their connection max age).
 */
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { ComputeQuantities } from '../../environments/parts/cluster';
import { tcpProbes } from '../probes';
import { pinnedImage, restrictedContainer, restrictedPod } from '../security-context';
import { PgBouncerExporter, type PgBouncerExporterProps } from './exporter';
import { renderPgBouncerIni, renderUserlist } from './ini';
import {
  PGBOUNCER_AUTH_DIR,
  PGBOUNCER_CONFIG_DIR,
  PGBOUNCER_CONTAINER_PORT,
  pgbouncerIniOptions,
  sessionDatabaseName,
} from './ini-options';
import { rollingUpdate } from '../rolling-update';

export interface PgBouncerUser {
  readonly name: string;
  /** Plain-text password (a token resolved at apply time). */
  readonly password: string;
}

export interface PgBouncerChartProps {
  readonly namespace: string;
  /**
   * Name of every object, and the Service's DNS name.
   *
   * @default 'pgbouncer'
   */
  readonly name?: string;
  /** Labels added to every object (environment, part-of …). @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** PgBouncer version the image runs; pgbouncer.ini is rendered for it. */
  readonly version: string;
  readonly image: { readonly repository: string; readonly tag: string; readonly digest?: string };
  readonly replicas: number;
  readonly minAvailable: number;
  /** The PostgreSQL server PgBouncer forwards to. */
  readonly server: {
    readonly host: string;
    readonly port: number;
    readonly database: string;
    readonly sslMode: 'require' | 'verify-full';
    /** PEM CA bundle for verify-full. @default - none */
    readonly caBundle?: string;
  };
  /** Application users; each gets a pool in `server.database`. */
  readonly users: readonly PgBouncerUser[];
  /** Admin-console users (PgBouncer-only, not PostgreSQL roles). */
  readonly adminUser: PgBouncerUser;
  readonly statsUser: PgBouncerUser;
  readonly defaultPoolSize: number;
  readonly reservePoolSize: number;
  /** The session path's pool per user (ini-options.ts, PgBouncerPools). @default - none: transaction pooling only */
  readonly sessionPoolSize?: number;
  readonly reservePoolTimeoutSeconds: number;
  readonly maxClientConnections: number;
  /** A client waiting longer for a server connection is disconnected with `query_wait_timeout`. */
  readonly queryWaitTimeoutSeconds: number;
  /** After SIGTERM, how long PgBouncer may keep serving its connected clients before the pod is killed. */
  readonly drainSeconds: number;
  /**
   * How long the preStop hook waits for the pod to leave the Service's endpoints before PgBouncer gets SIGTERM.
   *
   * @default 10
   */
  readonly preStopSeconds?: number;
  /**
   * Startup parameters clients send that PgBouncer should accept and ignore.
   *
   * @default DEFAULT_IGNORE_STARTUP_PARAMETERS (ini-options.ts: extra_float_digits, options)
   */
  readonly ignoreStartupParameters?: readonly string[];
  /**
   * Port PgBouncer listens on in the pod.
   *
   * @default 6432
   */
  readonly containerPort?: number;
  /**
   * Port of the Service applications connect to.
   *
   * @default 5432
   */
  readonly servicePort?: number;
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
  /** Non-root UID and GID of the container. */
  readonly runAsUser: number;
  /** A pgbouncer_exporter sidecar reading the stats user's SHOW commands (exporter.ts). @default - none */
  readonly exporter?: PgBouncerExporterProps;
}

const CA_FILE = 'rds-ca-bundle.pem';

export class PgBouncerChart extends Construct {
  /** Labels that select the PgBouncer pods (for NetworkPolicies). */
  readonly selectorLabels: Readonly<Record<string, string>>;
  /** In-cluster DNS name applications connect to. */
  readonly host: string;
  readonly servicePort: number;
  readonly containerPort: number;
  /** Database name of the session path, when the chart has one. */
  readonly sessionDatabase?: string;
  readonly ini: string;
  readonly configMap: ConfigMapV1;
  readonly secret: SecretV1;
  readonly deployment: DeploymentV1;
  readonly service: ServiceV1;
  readonly podDisruptionBudget: PodDisruptionBudgetV1;
  /** The metrics sidecar, when configured. */
  readonly exporter?: PgBouncerExporter;

  constructor(scope: Construct, id: string, props: PgBouncerChartProps) {
    super(scope, id);
    const name = props.name ?? 'pgbouncer';
    this.containerPort = props.containerPort ?? PGBOUNCER_CONTAINER_PORT;
    this.servicePort = props.servicePort ?? 5432;
    this.host = `${name}.${props.namespace}.svc.cluster.local`;
    this.selectorLabels = { 'app.kubernetes.io/name': 'pgbouncer', 'app.kubernetes.io/instance': name };
    const labels = {
      ...props.labels,
      ...this.selectorLabels,
      'app.kubernetes.io/version': props.version,
      'app.kubernetes.io/component': 'connection-pooler',
    };
    const metadata = { name, namespace: props.namespace, labels };
    if (props.sessionPoolSize !== undefined)
      this.sessionDatabase = sessionDatabaseName(props.server.database);
    const preStopSeconds = props.preStopSeconds ?? 10;

    this.ini = renderPgBouncerIni(
      pgbouncerIniOptions({
        version: props.version,
        listenPort: this.containerPort,
        server: {
          ...props.server,
          ...(props.server.caBundle ? { caFile: `${PGBOUNCER_CONFIG_DIR}/${CA_FILE}` } : {}),
        },
        users: props.users.map((u) => u.name),
        defaultPoolSize: props.defaultPoolSize,
        reservePoolSize: props.reservePoolSize,
        ...(props.sessionPoolSize !== undefined ? { sessionPoolSize: props.sessionPoolSize } : {}),
        reservePoolTimeoutSeconds: props.reservePoolTimeoutSeconds,
        maxClientConnections: props.maxClientConnections,
        queryWaitTimeoutSeconds: props.queryWaitTimeoutSeconds,
        ...(props.ignoreStartupParameters ? { ignoreStartupParameters: props.ignoreStartupParameters } : {}),
      }),
    );
    const userlist = renderUserlist([...props.users, props.adminUser, props.statsUser]);

    this.configMap = new ConfigMapV1(this, 'config', {
      metadata,
      data: {
        'pgbouncer.ini': this.ini,
        ...(props.server.caBundle ? { [CA_FILE]: props.server.caBundle } : {}),
      },
    });
    this.secret = new SecretV1(this, 'userlist', {
      metadata: { ...metadata, name: `${name}-userlist` },
      type: 'Opaque',
      data: { 'userlist.txt': userlist },
    });

    this.exporter = props.exporter
      ? new PgBouncerExporter(this, 'exporter', props.exporter, {
          metadata,
          statsUser: props.statsUser,
          pgbouncerPort: this.containerPort,
          runAsUser: props.runAsUser,
        })
      : undefined;

    this.deployment = new DeploymentV1(this, 'deployment', {
      metadata,
      spec: {
        replicas: String(props.replicas),
        selector: { matchLabels: this.selectorLabels },
        strategy: rollingUpdate,
        template: {
          metadata: {
            labels,
            // A changed pgbouncer.ini or userlist changes the pod template, so pods roll and load it.
            annotations: {
              'checksum/config': Fn.sha256(Fn.jsonencode(this.configMap.data)),
              'checksum/userlist': Fn.sha256(Fn.jsonencode(this.secret.data)),
              ...this.exporter?.annotations,
            },
          },
          spec: {
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            terminationGracePeriodSeconds: preStopSeconds + props.drainSeconds,
            securityContext: restrictedPod(props.runAsUser),
            topologySpreadConstraint: ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map(
              (topologyKey) => ({
                maxSkew: 1,
                topologyKey,
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: [{ matchLabels: this.selectorLabels }],
              }),
            ),
            container: [
              {
                name: 'pgbouncer',
                ...pinnedImage(props.image),
                command: ['/usr/bin/pgbouncer'],
                args: [`${PGBOUNCER_CONFIG_DIR}/pgbouncer.ini`],
                port: [{ name: 'pgbouncer', containerPort: this.containerPort, protocol: 'TCP' }],
                // The image is Alpine with busybox; the kubernetes provider has no native sleep action.
                lifecycle: { preStop: [{ exec: { command: ['/bin/sleep', String(preStopSeconds)] } }] },
                securityContext: restrictedContainer(props.runAsUser),
                resources: {
                  requests: { ...props.resources.requests },
                  limits: { ...props.resources.limits },
                },
                ...tcpProbes('pgbouncer', { readiness: 5, liveness: 30 }),
                volumeMount: [
                  { name: 'config', mountPath: PGBOUNCER_CONFIG_DIR, readOnly: true },
                  { name: 'userlist', mountPath: PGBOUNCER_AUTH_DIR, readOnly: true },
                  { name: 'tmp', mountPath: '/tmp' },
                ],
              },
              ...(this.exporter ? [this.exporter.container] : []),
            ],
            volume: [
              { name: 'config', configMap: { name: this.configMap.metadata.name, defaultMode: '0444' } },
              { name: 'userlist', secret: { secretName: this.secret.metadata.name, defaultMode: '0440' } },
              { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
              ...(this.exporter ? [this.exporter.volume] : []),
            ],
          },
        },
      },
    });

    this.service = new ServiceV1(this, 'service', {
      metadata,
      spec: {
        type: 'ClusterIP',
        selector: this.selectorLabels,
        port: [
          { name: 'postgres', port: this.servicePort, targetPort: 'pgbouncer', protocol: 'TCP' },
          ...(this.exporter ? [this.exporter.servicePort] : []),
        ],
      },
    });

    this.podDisruptionBudget = new PodDisruptionBudgetV1(this, 'disruption_budget', {
      metadata,
      spec: { minAvailable: String(props.minAvailable), selector: { matchLabels: this.selectorLabels } },
    });
  }
}
