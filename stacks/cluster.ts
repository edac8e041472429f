/**
 * Cluster layer: what lives in the pre-existing EKS cluster: the namespaces `django-api`, `payload-cms` and
 * `shared` with their quotas, limit ranges and network policies; PgBouncer in `shared`; and the secrets the
 * applications read their database (and, with the media layer, storage) settings from.
 *
 * Traffic is denied by default in every namespace; the allowances are exactly the platform's flows:
 * apps → PgBouncer → RDS, Django → Payload's API, the load balancer → each app, Payload → R2 over HTTPS.
 */
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { Password } from '@cdktf/provider-random/lib/password';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { PgBouncerChart } from '../charts/pgbouncer/chart';
import { connectionMaxAgeSeconds } from '../constructs/connection-max-age';
import { poolerConnectionBudget, type ConnectionBudget } from '../constructs/connection-budget';
import { networkPolicy } from '../constructs/network-policy';
import { PlatformNamespace } from '../constructs/platform-namespace';
import type { NetworkConfig } from '../environments/config';
import type { AppConfig, ClusterConfig } from '../environments/parts/cluster';
import type { ObservabilityConfig } from '../environments/parts/observability';
import { ClusterMonitoring } from './cluster-monitoring';
import type { DatabaseOutputs } from './database';
import type { DatabaseAccessOutputs, LoginRoleOutput } from './database-access';

export interface ClusterLayerProps {
  readonly environment: string;
  readonly cluster: ClusterConfig;
  readonly network: NetworkConfig;
  readonly database: DatabaseOutputs;
  readonly access: DatabaseAccessOutputs;
  /**
   * Extra settings for Payload's runtime secret (the media layer's S3_* values).
   *
   * @default - none
   */
  readonly payloadEnv?: Readonly<Record<string, string>>;
  /** Exporters, their scrapers and the alert rules (cluster-monitoring.ts). */
  readonly observability: ObservabilityConfig;
}

const ADMIN_USER = 'pgbouncer_admin';
const STATS_USER = 'pgbouncer_stats';

export class ClusterLayer extends Construct {
  readonly pgbouncer: PgBouncerChart;
  readonly namespaces: ReadonlyMap<string, PlatformNamespace>;
  /** Labels every object of the platform carries (part-of, managed-by, environment). */
  readonly labels: Readonly<Record<string, string>>;
  readonly monitoring: ClusterMonitoring;
  /** PgBouncer's pools and the monitoring role against the database's max_connections. */
  readonly connectionBudget: ConnectionBudget;

  constructor(scope: Construct, id: string, props: ClusterLayerProps) {
    super(scope, id);
    const { cluster, access, database } = props;
    const labels = {
      'app.kubernetes.io/part-of': 'lightwave-platform',
      'app.kubernetes.io/managed-by': 'cdktf',
      'lightwave.media/environment': props.environment,
    };
    this.labels = labels;

    const namespaces = new Map(
      cluster.namespaces.map((config) => [
        config.name,
        new PlatformNamespace(this, `namespace_${config.name}`, { config, labels }),
      ]),
    );
    this.namespaces = namespaces;
    const namespaceOf = (name: string) => (namespaces.get(name) as PlatformNamespace).name;

    const pg = cluster.pgbouncer;
    const consoleUser = (name: string) => ({
      name,
      password: new Password(this, `password_${name}`, { length: 40, special: false }).result,
    });
    this.pgbouncer = new PgBouncerChart(this, 'pgbouncer', {
      namespace: namespaceOf(pg.namespace),
      labels,
      version: pg.version,
      image: pg.image,
      replicas: pg.replicas,
      minAvailable: pg.minAvailable,
      server: {
        host: database.address,
        port: database.port,
        database: access.databaseName,
        sslMode: pg.serverTlsSslMode,
        ...(pg.serverTlsCaBundle ? { caBundle: pg.serverTlsCaBundle } : {}),
      },
      users: access.loginRoles.map((r) => ({ name: r.name, password: r.password })),
      adminUser: consoleUser(ADMIN_USER),
      statsUser: consoleUser(STATS_USER),
      defaultPoolSize: pg.defaultPoolSize,
      reservePoolSize: pg.reservePoolSize,
      reservePoolTimeoutSeconds: pg.reservePoolTimeoutSeconds,
      maxClientConnections: pg.maxClientConnections,
      queryWaitTimeoutSeconds: pg.queryWaitTimeoutSeconds,
      drainSeconds: pg.drainSeconds,
      resources: pg.resources,
      runAsUser: pg.runAsUser,
      exporter: props.observability.pgbouncerExporter,
    });
    this.monitoring = new ClusterMonitoring(this, 'monitoring', {
      environment: props.environment,
      labels,
      observability: props.observability,
      pgbouncer: this.pgbouncer,
      pgbouncerConfig: pg,
      managedNamespace: (name) => namespaces.get(name)?.name,
      database,
      access,
      vpcCidr: props.network.vpcCidr,
    });
    this.connectionBudget = budgetOf(props);

    const apps = [cluster.apps.payload, cluster.apps.django];
    const pgbouncerPods = { namespace: pg.namespace, podLabels: this.pgbouncer.selectorLabels };
    const pgbouncerPort = [{ port: this.pgbouncer.containerPort }];
    networkPolicy(this, 'pgbouncer_from_apps', {
      namespace: namespaceOf(pg.namespace),
      name: 'pgbouncer-from-apps',
      labels,
      podLabels: this.pgbouncer.selectorLabels,
      ingress: [
        {
          peers: apps.map((a) => ({ namespace: a.namespace, podLabels: a.podLabels })),
          ports: pgbouncerPort,
        },
      ],
    });
    networkPolicy(this, 'pgbouncer_to_database', {
      namespace: namespaceOf(pg.namespace),
      name: 'pgbouncer-to-database',
      labels,
      podLabels: this.pgbouncer.selectorLabels,
      egress: [{ peers: [{ cidr: props.network.vpcCidr }], ports: [{ port: database.port }] }],
    });

    for (const [key, app] of Object.entries(cluster.apps) as [string, AppConfig][]) {
      const ns = namespaceOf(app.namespace);
      networkPolicy(this, `${key}_to_pgbouncer`, {
        namespace: ns,
        name: 'app-to-pgbouncer',
        labels,
        podLabels: app.podLabels,
        egress: [{ peers: [pgbouncerPods], ports: pgbouncerPort }],
      });
      networkPolicy(this, `${key}_http_ingress`, {
        namespace: ns,
        name: 'http-from-load-balancer',
        labels,
        podLabels: app.podLabels,
        ingress: [{ peers: app.httpIngressCidrs.map((cidr) => ({ cidr })), ports: [{ port: app.httpPort }] }],
      });
      if (app.httpsEgressCidrs.length > 0) {
        networkPolicy(this, `${key}_https_egress`, {
          namespace: ns,
          name: 'https-egress',
          labels,
          podLabels: app.podLabels,
          egress: [{ peers: app.httpsEgressCidrs.map((cidr) => ({ cidr })), ports: [{ port: 443 }] }],
        });
      }
    }

    // Django reads content through Payload's REST API, never through Payload's schema.
    const { payload, django } = cluster.apps;
    networkPolicy(this, 'django_to_payload_api', {
      namespace: namespaceOf(django.namespace),
      name: 'django-to-payload-api',
      labels,
      podLabels: django.podLabels,
      egress: [
        {
          peers: [{ namespace: payload.namespace, podLabels: payload.podLabels }],
          ports: [{ port: payload.httpPort }],
        },
      ],
    });
    networkPolicy(this, 'payload_api_from_django', {
      namespace: namespaceOf(payload.namespace),
      name: 'payload-api-from-django',
      labels,
      podLabels: payload.podLabels,
      ingress: [
        {
          peers: [{ namespace: django.namespace, podLabels: django.podLabels }],
          ports: [{ port: payload.httpPort }],
        },
      ],
    });

    const role = (name: string) => access.loginRoles.find((r) => r.name === name) as LoginRoleOutput;
    // Connections recycled this often leave a draining PgBouncer pod before it is killed (rollouts lose nothing).
    const maxAge = (r: LoginRoleOutput) =>
      String(connectionMaxAgeSeconds(pg.drainSeconds, r.statementTimeoutMs));
    const url = (r: LoginRoleOutput) =>
      `postgresql://${r.name}:${Fn.urlencode(r.password)}@${this.pgbouncer.host}:${this.pgbouncer.servicePort}/${access.databaseName}?sslmode=disable`;

    // Payload (node-postgres): one connection string; its adapter sets schemaName, the role's search_path agrees.
    const payloadRole = role(payload.databaseRole);
    new SecretV1(this, 'payload_env', {
      metadata: { name: 'payload-env', namespace: namespaceOf(payload.namespace), labels },
      type: 'Opaque',
      data: {
        DATABASE_URI: url(payloadRole),
        DATABASE_MAX_LIFETIME_SECONDS: maxAge(payloadRole),
        ...props.payloadEnv,
      },
    });

    // Django (psycopg): the URL and its parts; server-side cursors must be off behind transaction pooling.
    const djangoRole = role(django.databaseRole);
    new SecretV1(this, 'django_env', {
      metadata: { name: 'django-env', namespace: namespaceOf(django.namespace), labels },
      type: 'Opaque',
      data: {
        DATABASE_URL: url(djangoRole),
        DB_HOST: this.pgbouncer.host,
        DB_PORT: String(this.pgbouncer.servicePort),
        DB_NAME: access.databaseName,
        DB_USER: djangoRole.name,
        DB_PASSWORD: djangoRole.password,
        DB_SSLMODE: 'disable',
        DB_DISABLE_SERVER_SIDE_CURSORS: 'true',
        DB_CONN_MAX_AGE: maxAge(djangoRole),
      },
    });
  }
}

/** The budget PgBouncer's pools (one per login role) and the monitoring role's direct connections share. */
function budgetOf({ cluster: { pgbouncer: pg }, access, database }: ClusterLayerProps): ConnectionBudget {
  return poolerConnectionBudget({
    replicas: pg.replicas,
    defaultPoolSize: pg.defaultPoolSize,
    reservePoolSize: pg.reservePoolSize,
    headroom: pg.connectionHeadroom,
    pooledRoles: access.loginRoles.map((r) => r.name),
    monitoring: access.monitoringRole,
    maxConnections: database.maxConnections,
  });
}
