/**
 * A Mermaid diagram of an environment: apps → PgBouncer → RDS, Payload → R2 → CDN, with the parts a change touches
 * drawn in red. Labels come from config, so quotes and angle brackets are written as Mermaid entity codes.
 */
import { type SynthesizedEnvironment } from '../synth/synthesized-environment';

export type DiagramNode = 'payload' | 'django' | 'pgbouncer' | 'rds' | 'r2' | 'cdn';

/** Which node an address belongs to, from the construct path its name is built from. */
const nodeOfName: readonly [RegExp, DiagramNode][] = [
  [/^cluster_(payload|namespace_payload)/, 'payload'],
  [/^cluster_(django|namespace_django)/, 'django'],
  [/^cluster_/, 'pgbouncer'],
  [/^database_/, 'rds'],
  [/^media_/, 'r2'],
  [/^cdn_/, 'cdn'],
];

export function diagramNodeOf(address: string): DiagramNode | undefined {
  const name = address.split('.').slice(-1)[0];
  return nodeOfName.find(([pattern]) => pattern.test(name))?.[1];
}

const label = (text: string): string =>
  text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/`/g, '#96;');

export function diagram(
  { config }: SynthesizedEnvironment,
  changed: ReadonlySet<DiagramNode> = new Set(),
): string {
  const { payload, django } = config.cluster.apps;
  const pg = config.cluster.pgbouncer;
  const db = config.database;
  const mark = (node: DiagramNode) => (changed.has(node) ? ' ✎' : '');
  return [
    'flowchart LR',
    `  subgraph eks["EKS ${label(config.cluster.eksClusterName)}"]`,
    `    subgraph ns_payload["${label(payload.namespace)}"]`,
    `      payload["Payload CMS<br/>${label(payload.databaseRole)}${mark('payload')}"]`,
    '    end',
    `    subgraph ns_django["${label(django.namespace)}"]`,
    `      django["Django API + Celery<br/>${label(django.databaseRole)}${mark('django')}"]`,
    '    end',
    `    subgraph ns_shared["${label(pg.namespace)}"]`,
    `      pgbouncer["PgBouncer ${label(pg.version)} × ${pg.replicas}<br/>transaction pooling${mark('pgbouncer')}"]`,
    '    end',
    '  end',
    `  rds[("RDS PostgreSQL ${label(db.engineVersion)}<br/>${label(db.instanceClass)}${db.multiAz ? ' Multi-AZ' : ''}<br/>${label(db.databaseName)}${mark('rds')}")]`,
    `  r2[("R2 ${label(config.cloudflare.media.bucketName)}${mark('r2')}")]`,
    `  cdn["${label(config.cloudflare.cdn.domain)}${mark('cdn')}"]`,
    '  readers(["browsers"])',
    '  payload -->|DATABASE_URI| pgbouncer',
    '  django -->|DATABASE_URL| pgbouncer',
    `  pgbouncer -->|TLS ${label(pg.serverTlsSslMode)}, SCRAM| rds`,
    '  django -->|REST API| payload',
    '  payload -->|S3 API, bucket-scoped token| r2',
    '  r2 --> cdn',
    `  cdn -->|TLS ≥ ${label(config.cloudflare.cdn.minTlsVersion)}| readers`,
    ...(changed.size > 0
      ? [
          '  classDef changed stroke:#d73a49,stroke-width:3px',
          `  class ${[...changed].sort().join(',')} changed`,
        ]
      : []),
  ].join('\n');
}
