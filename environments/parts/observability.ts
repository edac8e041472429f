/**
 * Configuration of observability: who is told when the database or the pooler runs short of something, how early,
 * and what scrapes the exporters. Thresholds are not listed here: they are derived from the instance class, the
 * storage, the connection budget and PgBouncer's pools (constructs/database-alarms.ts, charts/prometheus-rules/).
 */
import type { ComputeQuantities } from './cluster';

export interface AlertRecipients {
  /** Addresses every alarm and RDS event is mailed to; each confirms once through the link SNS sends. */
  readonly emails: readonly string[];
  /**
   * HTTPS endpoints subscribed to the topic (an incident tool's SNS integration, AWS Chatbot). A URL carrying a
   * credential (an integration key in its path or query) is a secret: it does not belong here (docs/alerts.md).
   */
  readonly httpsEndpoints: readonly string[];
}

export interface AlarmPolicy {
  /** Share of a capacity in use (CPU, the connection budget, a PgBouncer pool, max_client_conn) at which to tell. */
  readonly saturationShare: number;
  /** Share of a reserve left (freeable memory, CPU credits, EBS burst balances) below which to tell. */
  readonly reserveShare: number;
  /** Minutes a condition must hold before anyone is told: shorter spikes are not news. */
  readonly sustainMinutes: number;
}

export interface ExporterImage {
  /** Registry and repository, e.g. `prometheuscommunity/pgbouncer-exporter`. */
  readonly repository: string;
  /** An exact release tag such as `v0.12.1`; never `latest`. */
  readonly tag: string;
  /** `sha256:<64 hex>` once the image is pulled and verified. @default - none: pinned by tag only */
  readonly digest?: string;
}

export interface ExporterConfig {
  readonly image: ExporterImage;
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
}

export interface PrometheusScraper {
  /** Namespace of the Prometheus that scrapes the exporters; the alert rules ConfigMap is created there. */
  readonly namespace: string;
  /** Labels of the Prometheus pods: the only pods admitted to the exporters' metrics ports. */
  readonly podLabels: Readonly<Record<string, string>>;
}

/**
 * The account's CloudTrail trail (created by its bootstrap stack): without a trail EventBridge receives no
 * `AWS API Call via CloudTrail` events, so the alarm on destructive calls (docs/alerts.md) needs it.
 */
export interface AuditTrailConfig {
  /** S3 bucket the trail delivers its log files to: a globally unique name, distinct from every other bucket. */
  readonly bucketName: string;
  /** Days a log file is kept before it expires (CloudTrail's own event history keeps 90). */
  readonly logRetentionDays: number;
}

export interface ObservabilityConfig {
  readonly recipients: AlertRecipients;
  /** One per account: every environment of the account names the same values. */
  readonly auditTrail: AuditTrailConfig;
  readonly alarms: AlarmPolicy;
  readonly prometheus: PrometheusScraper;
  /** Sidecar next to each PgBouncer, reading SHOW POOLS/STATS/LISTS/… as the stats user. */
  readonly pgbouncerExporter: ExporterConfig;
  /** One Deployment in PgBouncer's namespace reading PostgreSQL as `databaseAccess.monitoringRole`. */
  readonly postgresExporter: ExporterConfig;
}
