/**
 * Cluster layer: what lives in the pre-existing EKS cluster: the namespaces of config with their quotas, limit ranges
 * and network policies; PgBouncer and the Redis cache; and the secrets the applications run on, built from the
 * application contract (contract/services.ts). Every per-application piece loops over `cluster.apps`.
 *
 * Traffic is denied by default in every namespace; the allowances are exactly the platform's flows:
 * apps → PgBouncer → RDS, apps → Redis, an app → another app's API where its contract names that API, the load
 * balancer → each app's web pods, HTTPS egress per app from config (e.g. → R2).
 */
import { Password } from '@cdktf/provider-random/lib/password';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { PgBouncerChart } from '../charts/pgbouncer/chart';
import { PGBOUNCER_CONSOLE_USERS } from '../charts/pgbouncer/ini-options';
import { RedisChart } from '../charts/redis/chart';
import { redisAclUsers } from '../charts/redis/config';
import { applicationContract } from '../contract/services';
import type { PlatformValues } from '../contract/secret-data';
import { generatedSecretName, GENERATED_SECRET_LENGTH } from '../contract/generated-secret';
import { contractOf, contractsOf } from '../contract/lookup';
import { apiUrlSource, apiUrlTarget, type ServiceContract } from '../contract/variables';
import { applicationSecrets } from '../constructs/app-secrets';
import { poolerConnectionBudget, type ConnectionBudget } from '../constructs/connection-budget';
import { connectionMaxAgeSeconds } from '../constructs/connection-max-age';
import { parseQuantity } from '../constructs/k8s-quantity';
import { cidrPeers, networkPolicy } from '../constructs/network-policy';
import { PlatformNamespace } from '../constructs/platform-namespace';
import type { NetworkConfig } from '../environments/config';
import type { AppConfig, ClusterConfig } from '../environments/parts/cluster';
import type { ObservabilityConfig } from '../environments/parts/observability';
import { ClusterMonitoring } from './cluster-monitoring';
import type { DatabaseOutputs } from './database';
import type { DatabaseAccessOutputs, LoginRoleOutput } from './database-access';
import type { MediaOutputs } from './media';

export interface ClusterLayerProps {
  readonly environment: string;
  readonly cluster: ClusterConfig;
  readonly network: NetworkConfig;
  readonly database: DatabaseOutputs;
  readonly access: DatabaseAccessOutputs;
  /** S3 access to the media bucket, for the contract variables of the applications that store media. */
  readonly media: Pick<MediaOutputs, 'endpoint' | 'region' | 'bucketName' | 'credentials'>;
  /** https://<CDN domain>, the public base of media URLs. */
  readonly cdnBaseUrl: string;
  /** Exporters, their scrapers and the alert rules (cluster-monitoring.ts). */
  readonly observability: ObservabilityConfig;
}

export class ClusterLayer extends Construct {
  readonly pgbouncer: PgBouncerChart;
  readonly redis: RedisChart;
  readonly namespaces: ReadonlyMap<string, PlatformNamespace>;
  /** Labels every object of the platform carries (part-of, managed-by, environment). */
  readonly labels: Readonly<Record<string, string>>;
  private readonly redisPasswords = new Map<string, string>();
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
      adminUser: consoleUser(PGBOUNCER_CONSOLE_USERS.admin),
      statsUser: consoleUser(PGBOUNCER_CONSOLE_USERS.stats),
      defaultPoolSize: pg.defaultPoolSize,
      reservePoolSize: pg.reservePoolSize,
      sessionPoolSize: pg.sessionPoolSize,
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
      databaseSubnetCidrs: props.network.databaseSubnetCidrs,
    });
    this.connectionBudget = budgetOf(props);

    const apps = Object.values(cluster.apps);
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
      egress: [{ peers: cidrPeers(props.network.databaseSubnetCidrs), ports: [{ port: database.port }] }],
    });

    for (const [key, app] of Object.entries(cluster.apps)) {
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
        podLabels: serverPods(app),
        ingress: [
          { peers: cidrPeers(props.network.loadBalancerSubnetCidrs), ports: [{ port: app.httpPort }] },
        ],
      });
      if (app.httpsEgressCidrs.length > 0) {
        networkPolicy(this, `${key}_https_egress`, {
          namespace: ns,
          name: 'https-egress',
          labels,
          podLabels: app.podLabels,
          egress: [{ peers: cidrPeers(app.httpsEgressCidrs), ports: [{ port: 443 }] }],
        });
      }
    }

    this.apiFlows(cluster.apps, namespaceOf, labels);

    this.redis = this.createRedis(cluster, namespaceOf(cluster.redis.namespace), labels);
    this.redisFlows(cluster, namespaceOf, labels);
    this.createAppSecrets(props, namespaceOf, labels);
  }

  /**
   * An application calls another's REST API exactly where its contract names that API (`app.<callee>.api-url`):
   * its pods' egress to the callee's pods and the callee's web pods' ingress from them, on the callee's HTTP port.
   * Nothing else reaches another application's schema or pods.
   */
  private apiFlows(
    apps: ClusterConfig['apps'],
    namespaceOf: (name: string) => string,
    labels: Record<string, string>,
  ): void {
    for (const [key, caller] of Object.entries(apps)) {
      const callees = (contractOf(applicationContract, key)?.variables ?? []).flatMap((v) => {
        const callee = apiUrlTarget(v.source);
        return callee === undefined ? [] : [callee];
      });
      for (const calleeKey of callees) {
        const callee = apps[calleeKey];
        const port = [{ port: callee.httpPort }];
        networkPolicy(this, `${key}_to_${calleeKey}_api`, {
          namespace: namespaceOf(caller.namespace),
          name: `${key}-to-${calleeKey}-api`,
          labels,
          podLabels: caller.podLabels,
          egress: [{ peers: [{ namespace: callee.namespace, podLabels: callee.podLabels }], ports: port }],
        });
        networkPolicy(this, `${calleeKey}_api_from_${key}`, {
          namespace: namespaceOf(callee.namespace),
          name: `${calleeKey}-api-from-${key}`,
          labels,
          podLabels: serverPods(callee),
          ingress: [{ peers: [{ namespace: caller.namespace, podLabels: caller.podLabels }], ports: port }],
        });
      }
    }
  }

  /** The Redis cache in `shared`: one ACL user per application (confined to `<app>:` keys) and one for monitoring. */
  private createRedis(cluster: ClusterConfig, namespace: string, labels: Record<string, string>): RedisChart {
    const redis = cluster.redis;
    const password = (user: string) => {
      const value = new Password(this, `redis_password_${user}`, { length: 40, special: false }).result;
      this.redisPasswords.set(user, value);
      return value;
    };
    const apps = Object.keys(cluster.apps).sort();
    return new RedisChart(this, 'redis', {
      namespace,
      labels,
      server: redis.server,
      version: redis.version,
      image: redis.image,
      maxMemoryBytes: parseQuantity(redis.maxMemory) as number,
      evictionPolicy: redis.evictionPolicy,
      users: redisAclUsers(apps).map((user) => ({ ...user, password: password(user.name) })),
      resources: redis.resources,
      runAsUser: redis.runAsUser,
    });
  }

  /** Every pod of each application reaches Redis; Redis accepts exactly those pods, and initiates nothing. */
  private redisFlows(
    cluster: ClusterConfig,
    namespaceOf: (name: string) => string,
    labels: Record<string, string>,
  ): void {
    const apps = Object.values(cluster.apps);
    const port = [{ port: this.redis.port }];
    networkPolicy(this, 'redis_from_apps', {
      namespace: namespaceOf(cluster.redis.namespace),
      name: 'redis-from-apps',
      labels,
      podLabels: this.redis.selectorLabels,
      ingress: [
        { peers: apps.map((a) => ({ namespace: a.namespace, podLabels: a.podLabels })), ports: port },
      ],
    });
    for (const [key, app] of Object.entries(cluster.apps)) {
      networkPolicy(this, `${key}_to_redis`, {
        namespace: namespaceOf(app.namespace),
        name: 'app-to-redis',
        labels,
        podLabels: app.podLabels,
        egress: [
          {
            peers: [{ namespace: cluster.redis.namespace, podLabels: this.redis.selectorLabels }],
            ports: port,
          },
        ],
      });
    }
  }

  /**
   * The Secrets of the application contract, one per application of config, each value from the layer that owns it.
   * Every application is offered every source; its contract picks what its Secret holds.
   */
  private createAppSecrets(
    props: ClusterLayerProps,
    namespaceOf: (name: string) => string,
    labels: Record<string, string>,
  ): void {
    const { cluster } = props;
    const services = contractsOf(applicationContract, Object.keys(cluster.apps));
    const inputs = Object.fromEntries(
      services.map((service) => {
        const app = cluster.apps[service.app];
        return [
          service.app,
          {
            namespace: namespaceOf(app.namespace),
            settings: app.settings,
            platform: this.platformValues(props, service),
          },
        ];
      }),
    );
    applicationSecrets(this, services, inputs, labels);
  }

  /** What the platform provides one application, by source. */
  private platformValues(props: ClusterLayerProps, service: ServiceContract): PlatformValues {
    const { access, cluster, media } = props;
    const key = service.app;
    const role = access.loginRoles.find((r) => r.name === cluster.apps[key].databaseRole) as LoginRoleOutput;
    const redisPassword = this.redisPasswords.get(key) as string;
    const secretName = generatedSecretName(service);
    const credentials = media.credentials.get(key);
    return {
      'database.host': this.pgbouncer.host,
      'database.port': String(this.pgbouncer.servicePort),
      'database.name': access.databaseName,
      'database.sslmode': 'disable',
      'database.server-side-cursors-disabled': 'true',
      'database.url': this.databaseUrl(role, access.databaseName),
      'database.session-url': this.databaseUrl(role, this.pgbouncer.sessionDatabase as string),
      'database.user': role.name,
      'database.password': role.password,
      // Connections recycled this often leave a draining PgBouncer pod before it is killed (rollouts lose nothing).
      'database.max-lifetime-seconds': String(
        connectionMaxAgeSeconds(cluster.pgbouncer.drainSeconds, role.statementTimeoutMs),
      ),
      'cache.url': `redis://${key}:${Fn.urlencode(redisPassword)}@${this.redis.host}:${this.redis.port}/0`,
      'cache.key-prefix': key,
      ...(secretName
        ? {
            'generated.secret': new Password(this, secretName, {
              length: GENERATED_SECRET_LENGTH,
              special: false,
            }).result,
          }
        : {}),
      'media.endpoint': media.endpoint,
      'media.region': media.region,
      'media.bucket': media.bucketName,
      ...(credentials
        ? {
            'media.access-key-id': credentials.accessKeyId,
            'media.secret-access-key': credentials.secretAccessKey,
          }
        : {}),
      'cdn.base-url': props.cdnBaseUrl,
      ...Object.fromEntries(
        Object.entries(cluster.apps).map(([other, app]) => [
          apiUrlSource(other),
          `http://${app.serviceName}.${app.namespace}.svc.cluster.local:${app.httpPort}/api`,
        ]),
      ),
    };
  }

  /** A PostgreSQL URL through PgBouncer; the password is URL-encoded at apply time. */
  private databaseUrl(role: LoginRoleOutput, database: string): string {
    return `postgresql://${role.name}:${Fn.urlencode(role.password)}@${this.pgbouncer.host}:${this.pgbouncer.servicePort}/${database}?sslmode=disable`;
  }
}

/** Labels of an application's pods that serve HTTP. */
function serverPods(app: AppConfig): Record<string, string> {
  return { ...app.podLabels, ...app.serverPodLabels };
}

/** The budget PgBouncer's pools (transaction and session path, per login role) and the monitoring role's direct connections share. */
function budgetOf({ cluster: { pgbouncer: pg }, access, database }: ClusterLayerProps): ConnectionBudget {
  return poolerConnectionBudget({
    replicas: pg.replicas,
    defaultPoolSize: pg.defaultPoolSize,
    reservePoolSize: pg.reservePoolSize,
    headroom: pg.connectionHeadroom,
    sessionPoolSize: pg.sessionPoolSize,
    pooledRoles: access.loginRoles.map((r) => r.name),
    monitoring: access.monitoringRole,
    maxConnections: database.maxConnections,
  });
}
