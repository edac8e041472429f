/**
 * In-cluster monitoring of the cluster layer: the Postgres exporter (as the monitoring role), the NetworkPolicies
 * that let only the configured Prometheus scrape the exporters, and the alert rules as a ConfigMap in Prometheus's
 * namespace. PgBouncer's own exporter is the chart's sidecar (charts/pgbouncer/exporter.ts).
 */
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { Construct } from 'constructs';
import type { PgBouncerChart } from '../charts/pgbouncer/chart';
import { PGBOUNCER_EXPORTER_PORT } from '../charts/pgbouncer/exporter';
import { PostgresExporterChart } from '../charts/postgres-exporter/chart';
import {
  alertRules,
  renderAlertRules,
  type AlertRule,
  type AlertRulesInput,
} from '../charts/prometheus-rules/rules';
import { cidrPeers, networkPolicy } from '../constructs/network-policy';
import type { PgBouncerConfig } from '../environments/parts/cluster';
import type { ObservabilityConfig } from '../environments/parts/observability';
import type { DatabaseOutputs } from './database';
import type { DatabaseAccessOutputs } from './database-access';

export const ALERT_RULES_FILE = 'lightwave-platform.rules.yml';

export interface ClusterMonitoringProps {
  readonly environment: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly observability: ObservabilityConfig;
  readonly pgbouncer: PgBouncerChart;
  readonly pgbouncerConfig: PgBouncerConfig;
  /** The namespace reference of a namespace this layer manages; undefined for any other. */
  readonly managedNamespace: (name: string) => string | undefined;
  readonly database: DatabaseOutputs;
  readonly access: DatabaseAccessOutputs;
  /** Where the database's address lies: the exporter's only destination on its port. */
  readonly databaseSubnetCidrs: readonly string[];
}

export class ClusterMonitoring extends Construct {
  readonly postgresExporter: PostgresExporterChart;
  readonly alertRules: ConfigMapV1;
  /** The rules the ConfigMap's file holds, for tests and the review. */
  readonly rules: readonly AlertRule[];

  constructor(scope: Construct, id: string, props: ClusterMonitoringProps) {
    super(scope, id);
    const { observability, pgbouncerConfig: pg, labels } = props;
    const home = props.managedNamespace(pg.namespace) as string;
    const prometheus = observability.prometheus;

    this.postgresExporter = new PostgresExporterChart(this, 'postgres_exporter', {
      namespace: home,
      labels,
      ...observability.postgresExporter,
      server: {
        host: props.database.address,
        port: props.database.port,
        database: props.access.databaseName,
        sslMode: pg.serverTlsSslMode,
        ...(pg.serverTlsCaBundle ? { caBundle: pg.serverTlsCaBundle } : {}),
      },
      login: props.access.monitoringRole,
    });
    this.scrapePolicies(props, home);

    const input: AlertRulesInput = {
      environment: props.environment,
      namespace: pg.namespace,
      pgbouncerDeployment: 'pgbouncer',
      postgresExporterDeployment: this.postgresExporter.name,
      pgbouncerContainer: 'pgbouncer',
      defaultPoolSize: pg.defaultPoolSize,
      reservePoolSize: pg.reservePoolSize,
      reservePoolTimeoutSeconds: pg.reservePoolTimeoutSeconds,
      queryWaitTimeoutSeconds: pg.queryWaitTimeoutSeconds,
      maxClientConnections: pg.maxClientConnections,
      policy: observability.alarms,
    };
    this.rules = alertRules(input);
    this.alertRules = new ConfigMapV1(this, 'alert_rules', {
      metadata: {
        name: 'lightwave-alert-rules',
        namespace: props.managedNamespace(prometheus.namespace) ?? prometheus.namespace,
        labels: { ...labels, 'app.kubernetes.io/component': 'alert-rules' },
        // Read by the review (review/rollout.ts): its readers reload it, nobody restarts a pod for it.
        annotations: {
          'lightwave.media/reloaded-by':
            "Prometheus's rule file: the kubelet refreshes the mounted file within a minute and Prometheus's config reloader (or POST /-/reload) loads it; no pod restart",
        },
      },
      data: { [ALERT_RULES_FILE]: renderAlertRules(input) },
    });
  }

  /** Only Prometheus's pods reach the metrics ports; the Postgres exporter reaches only the database port. */
  private scrapePolicies(props: ClusterMonitoringProps, home: string): void {
    const { pgbouncer, labels } = props;
    const prometheus = props.observability.prometheus;
    const scraper = [{ namespace: prometheus.namespace, podLabels: prometheus.podLabels }];
    const exporter = this.postgresExporter;
    networkPolicy(this, 'pgbouncer_metrics_from_prometheus', {
      namespace: home,
      name: 'pgbouncer-metrics-from-prometheus',
      labels,
      podLabels: pgbouncer.selectorLabels,
      ingress: [{ peers: scraper, ports: [{ port: PGBOUNCER_EXPORTER_PORT }] }],
    });
    networkPolicy(this, 'postgres_exporter_from_prometheus', {
      namespace: home,
      name: 'postgres-exporter-from-prometheus',
      labels,
      podLabels: exporter.selectorLabels,
      ingress: [{ peers: scraper, ports: [{ port: exporter.port }] }],
    });
    networkPolicy(this, 'postgres_exporter_to_database', {
      namespace: home,
      name: 'postgres-exporter-to-database',
      labels,
      podLabels: exporter.selectorLabels,
      egress: [{ peers: cidrPeers(props.databaseSubnetCidrs), ports: [{ port: props.database.port }] }],
    });
    const prometheusHome = props.managedNamespace(prometheus.namespace);
    if (prometheusHome === undefined) return; // another team's namespace: its egress is theirs to allow
    networkPolicy(this, 'prometheus_to_exporters', {
      namespace: prometheusHome,
      name: 'prometheus-to-exporters',
      labels,
      podLabels: prometheus.podLabels,
      egress: [
        {
          peers: [{ namespace: props.pgbouncerConfig.namespace, podLabels: pgbouncer.selectorLabels }],
          ports: [{ port: PGBOUNCER_EXPORTER_PORT }],
        },
        {
          peers: [{ namespace: props.pgbouncerConfig.namespace, podLabels: exporter.selectorLabels }],
          ports: [{ port: exporter.port }],
        },
      ],
    });
  }
}
