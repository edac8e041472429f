/**
 * prometheus-community's postgres_exporter, reading RDS as the statistics-only monitoring role: Secret (the role's
 * credentials, read as files through DATA_SOURCE_USER_FILE / DATA_SOURCE_PASS_FILE) and Deployment.
 *
 * One replica on purpose: two would scrape the same database twice and publish every series twice. Its connections
 * are capped by the role's connection limit (counted in the connection budget), a rollout's surge included.
 * `--collector.stat_statements` publishes pg_stat_statements (the parameter group preloads it; pg_monitor may read
 * every user's statements).
 */
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { ComputeQuantities } from '../../environments/parts/cluster';
import { tcpProbes } from '../probes';
import { pinnedImage, restrictedContainer, restrictedPod } from '../security-context';
import { rollingUpdate } from '../rolling-update';

export const POSTGRES_EXPORTER_PORT = 9187;
/** `nobody`, the image's own user. */
const RUN_AS = 65534;
const AUTH_DIR = '/etc/postgres-exporter-auth';
const CA_DIR = '/etc/postgres-exporter-ca';
const CA_FILE = 'rds-ca-bundle.pem';

export interface PostgresExporterChartProps {
  readonly namespace: string;
  /** @default 'postgres-exporter' */
  readonly name?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly image: { readonly repository: string; readonly tag: string; readonly digest?: string };
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
  readonly server: {
    readonly host: string;
    readonly port: number;
    readonly database: string;
    readonly sslMode: 'require' | 'verify-full';
    /** PEM CA bundle for verify-full. @default - none */
    readonly caBundle?: string;
  };
  /** The monitoring role's credentials (the password is a token resolved at apply time). */
  readonly login: { readonly name: string; readonly password: string };
}

export class PostgresExporterChart extends Construct {
  readonly selectorLabels: Readonly<Record<string, string>>;
  readonly name: string;
  readonly port = POSTGRES_EXPORTER_PORT;
  /** The monitoring role's credentials, for any Postgres exporter in the namespace. */
  readonly secret: SecretV1;
  readonly deployment: DeploymentV1;

  constructor(scope: Construct, id: string, props: PostgresExporterChartProps) {
    super(scope, id);
    this.name = props.name ?? 'postgres-exporter';
    this.selectorLabels = {
      'app.kubernetes.io/name': 'postgres-exporter',
      'app.kubernetes.io/instance': this.name,
    };
    const labels = {
      ...props.labels,
      ...this.selectorLabels,
      'app.kubernetes.io/version': props.image.tag,
      'app.kubernetes.io/component': 'metrics-exporter',
    };
    const metadata = { name: this.name, namespace: props.namespace, labels };

    this.secret = new SecretV1(this, 'credentials', {
      metadata: { ...metadata, name: 'postgres-monitoring' },
      type: 'kubernetes.io/basic-auth',
      data: { username: props.login.name, password: props.login.password },
    });
    const ca = props.server.caBundle
      ? new ConfigMapV1(this, 'ca', {
          metadata: { ...metadata, name: `${this.name}-ca` },
          data: { [CA_FILE]: props.server.caBundle },
        })
      : undefined;
    const { host, port, database, sslMode } = props.server;
    const uri = `${host}:${port}/${database}?sslmode=${sslMode}${ca ? `&sslrootcert=${CA_DIR}/${CA_FILE}` : ''}`;

    this.deployment = new DeploymentV1(this, 'deployment', {
      metadata,
      spec: {
        replicas: '1',
        selector: { matchLabels: this.selectorLabels },
        strategy: rollingUpdate,
        template: {
          metadata: {
            labels,
            annotations: {
              'prometheus.io/scrape': 'true',
              'prometheus.io/port': String(this.port),
              'prometheus.io/path': '/metrics',
              'checksum/credentials': Fn.sha256(Fn.jsonencode(this.secret.data)),
            },
          },
          spec: {
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: restrictedPod(RUN_AS),
            container: [
              {
                name: 'postgres-exporter',
                ...pinnedImage(props.image),
                args: [`--web.listen-address=:${this.port}`, '--collector.stat_statements'],
                env: [
                  { name: 'DATA_SOURCE_URI', value: uri },
                  { name: 'DATA_SOURCE_USER_FILE', value: `${AUTH_DIR}/username` },
                  { name: 'DATA_SOURCE_PASS_FILE', value: `${AUTH_DIR}/password` },
                ],
                port: [{ name: 'metrics', containerPort: this.port, protocol: 'TCP' }],
                securityContext: restrictedContainer(RUN_AS),
                resources: {
                  requests: { ...props.resources.requests },
                  limits: { ...props.resources.limits },
                },
                ...tcpProbes('metrics', { readiness: 5, liveness: 15 }),
                volumeMount: [
                  { name: 'credentials', mountPath: AUTH_DIR, readOnly: true },
                  ...(ca ? [{ name: 'ca', mountPath: CA_DIR, readOnly: true }] : []),
                ],
              },
            ],
            volume: [
              { name: 'credentials', secret: { secretName: this.secret.metadata.name, defaultMode: '0440' } },
              ...(ca ? [{ name: 'ca', configMap: { name: ca.metadata.name, defaultMode: '0444' } }] : []),
            ],
          },
        },
      },
    });
  }
}
