/**
 * The metrics sidecar of a PgBouncer pod: prometheus-community's pgbouncer_exporter, logging in to PgBouncer's
 * admin console on the pod's loopback as the stats user (read-only SHOW commands, refused every admin command).
 *
 * Its connection string holds the stats password, so it comes from a Secret mounted as a file: the exporter's flag
 * parser (kingpin v2) reads arguments from a file named `@<path>`, so the password is in no environment variable, no
 * command line and no `kubectl describe` output. (lib/pq's `passfile` is not an option: it refuses any file
 * readable by its group, and fsGroup makes every Secret file group-readable.)
 */
import type {
  DeploymentV1SpecTemplateSpecContainer,
  DeploymentV1SpecTemplateSpecVolume,
} from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import type { ServiceV1SpecPort } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { ComputeQuantities } from '../../environments/parts/cluster';
import { tcpProbes } from '../probes';
import { pinnedImage, restrictedContainer } from '../security-context';
import type { PgBouncerUser } from './chart';

export const PGBOUNCER_EXPORTER_PORT = 9127;
const MOUNT = '/etc/pgbouncer-exporter';
const VOLUME = 'exporter-flags';

export interface PgBouncerExporterProps {
  readonly image: { readonly repository: string; readonly tag: string; readonly digest?: string };
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
}

export interface PgBouncerExporterContext {
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly labels: Record<string, string>;
  };
  readonly statsUser: PgBouncerUser;
  /** Port PgBouncer listens on in the pod. */
  readonly pgbouncerPort: number;
  readonly runAsUser: number;
}

/** What the chart adds to its Deployment and Service for the sidecar. */
export class PgBouncerExporter extends Construct {
  readonly port = PGBOUNCER_EXPORTER_PORT;
  readonly secret: SecretV1;
  readonly container: DeploymentV1SpecTemplateSpecContainer;
  readonly volume: DeploymentV1SpecTemplateSpecVolume;
  readonly servicePort: ServiceV1SpecPort;
  /** Pod annotations: scrape hints for annotation-driven Prometheus configs, and a checksum to roll on changes. */
  readonly annotations: Readonly<Record<string, string>>;

  constructor(
    scope: Construct,
    id: string,
    props: PgBouncerExporterProps,
    context: PgBouncerExporterContext,
  ) {
    super(scope, id);
    const { statsUser, metadata } = context;
    const connection = `postgres://${statsUser.name}:${Fn.urlencode(statsUser.password)}@127.0.0.1:${context.pgbouncerPort}/pgbouncer?sslmode=disable`;
    this.secret = new SecretV1(this, 'flags', {
      metadata: { ...metadata, name: `${metadata.name}-exporter` },
      type: 'Opaque',
      data: { flags: `--pgBouncer.connectionString=${connection}\n` },
    });
    this.container = {
      name: 'pgbouncer-exporter',
      ...pinnedImage(props.image),
      args: [`@${MOUNT}/flags`, `--web.listen-address=:${this.port}`, '--web.telemetry-path=/metrics'],
      port: [{ name: 'metrics', containerPort: this.port, protocol: 'TCP' }],
      securityContext: restrictedContainer(context.runAsUser),
      resources: { requests: { ...props.resources.requests }, limits: { ...props.resources.limits } },
      ...tcpProbes('metrics', { readiness: 5, liveness: 15 }),
      volumeMount: [{ name: VOLUME, mountPath: MOUNT, readOnly: true }],
    };
    this.volume = { name: VOLUME, secret: { secretName: this.secret.metadata.name, defaultMode: '0440' } };
    this.servicePort = { name: 'metrics', port: this.port, targetPort: 'metrics', protocol: 'TCP' };
    this.annotations = {
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(this.port),
      'prometheus.io/path': '/metrics',
      'checksum/exporter': Fn.sha256(Fn.jsonencode(this.secret.data)),
    };
  }
}
