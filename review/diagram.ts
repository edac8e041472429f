/**
 * A Mermaid diagram of an environment: apps → PgBouncer → RDS, Payload → R2 → CDN.
 */
import { type SynthesizedEnvironment } from '../synth/synthesized-environment';

/** Where copies of the data go: the backup vaults and the media copy. */
function protectionFlows({ config }: SynthesizedEnvironment): string[] {
  const { backup, mediaCopy, dr } = config.dataProtection;
  return [
    ...(backup.enabled
      ? [`  vault[("AWS Backup<br/>${config.aws.region}")]`, '  rds -->|daily, monthly| vault']
      : []),
    ...(backup.enabled && backup.copyToDrRegion
      ? [`  drvault[("AWS Backup<br/>${dr.region}")]`, '  vault -->|copy| drvault']
      : []),
    ...(mediaCopy.enabled
      ? [`  s3copy[("S3 ${mediaCopy.bucketName}")]`, '  r2 -->|rclone copy| s3copy']
      : []),
  ];
}

export function diagram(env: SynthesizedEnvironment): string {
  const { config } = env;
  const { payload, django } = config.cluster.apps;
  const pg = config.cluster.pgbouncer;
  const db = config.database;
  return [
    'flowchart LR',
    `  subgraph eks["EKS ${config.cluster.eksClusterName}"]`,
    `    subgraph ns_payload["${payload.namespace}"]`,
    `      payload["Payload CMS<br/>${payload.databaseRole}"]`,
    '    end',
    `    subgraph ns_django["${django.namespace}"]`,
    `      django["Django API + Celery<br/>${django.databaseRole}"]`,
    '    end',
    `    subgraph ns_shared["${pg.namespace}"]`,
    `      pgbouncer["PgBouncer ${pg.version} × ${pg.replicas}<br/>transaction pooling"]`,
    '    end',
    '  end',
    `  rds[("RDS PostgreSQL ${db.engineVersion}<br/>${db.instanceClass}${db.multiAz ? ' Multi-AZ' : ''}<br/>${db.databaseName}")]`,
    `  r2[("R2 ${config.cloudflare.media.bucketName}")]`,
    `  cdn["${config.cloudflare.cdn.domain}"]`,
    '  readers(["browsers"])',
    '  payload -->|DATABASE_URI| pgbouncer',
    '  django -->|DATABASE_URL| pgbouncer',
    `  pgbouncer -->|TLS ${pg.serverTlsSslMode}, SCRAM| rds`,
    '  django -->|REST API| payload',
    '  payload -->|S3 API, bucket-scoped token| r2',
    '  r2 --> cdn',
    `  cdn -->|TLS ≥ ${config.cloudflare.cdn.minTlsVersion}| readers`,
    ...protectionFlows(env),
  ].join('\n');
}
