/**
 * A Mermaid diagram of an environment: apps → PgBouncer → RDS, Payload → R2 → CDN, and where copies of the data go
 * (backup vaults, the media copy), with the parts a change touches drawn in red. Labels come from config, so quotes
 * and angle brackets are written as Mermaid entity codes.
 */
import { type SynthesizedEnvironment } from '../synth/synthesized-environment';

export type DiagramNode =
  'payload' | 'django' | 'pgbouncer' | 'rds' | 'r2' | 'cdn' | 'vault' | 'drvault' | 's3copy';

/** Which node an address belongs to, from the construct path its name is built from. */
const nodeOfName: readonly [RegExp, DiagramNode][] = [
  [/^cluster_(payload|namespace_payload)/, 'payload'],
  [/^cluster_(django|namespace_django)/, 'django'],
  [/^cluster_/, 'pgbouncer'],
  [/^database_/, 'rds'],
  [/^media_/, 'r2'],
  [/^cdn_/, 'cdn'],
  [/^data_protection_(media_copy_|permission_object_read)/, 's3copy'],
  [/^data_protection_(dr_|backup_vault_dr)/, 'drvault'],
  [/^data_protection_/, 'vault'],
];

export function diagramNodeOf(address: string): DiagramNode | undefined {
  const name = address.split('.').slice(-1)[0];
  return nodeOfName.find(([pattern]) => pattern.test(name))?.[1];
}

const label = (text: string): string =>
  text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/`/g, '#96;');

/** Where copies of the data go: the backup vaults and the media copy, as far as config enables them. */
function protectionFlows(
  { config }: SynthesizedEnvironment,
  mark: (node: DiagramNode) => string,
): { readonly nodes: readonly DiagramNode[]; readonly lines: readonly string[] } {
  const { backup, mediaCopy, dr } = config.dataProtection;
  const vault = backup.enabled;
  const drVault = vault && backup.copyToDrRegion;
  return {
    nodes: [
      ...(vault ? (['vault'] as const) : []),
      ...(drVault ? (['drvault'] as const) : []),
      ...(mediaCopy.enabled ? (['s3copy'] as const) : []),
    ],
    lines: [
      ...(vault
        ? [
            `  vault[("AWS Backup<br/>${label(config.aws.region)}${mark('vault')}")]`,
            '  rds -->|daily, monthly| vault',
          ]
        : []),
      ...(drVault
        ? [`  drvault[("AWS Backup<br/>${label(dr.region)}${mark('drvault')}")]`, '  vault -->|copy| drvault']
        : []),
      ...(mediaCopy.enabled
        ? [`  s3copy[("S3 ${label(mediaCopy.bucketName)}${mark('s3copy')}")]`, '  r2 -->|rclone copy| s3copy']
        : []),
    ],
  };
}

const MAIN_NODES: readonly DiagramNode[] = ['payload', 'django', 'pgbouncer', 'rds', 'r2', 'cdn'];

export function diagram(env: SynthesizedEnvironment, changed: ReadonlySet<DiagramNode> = new Set()): string {
  const { config } = env;
  const { payload, django } = config.cluster.apps;
  const pg = config.cluster.pgbouncer;
  const db = config.database;
  const mark = (node: DiagramNode) => (changed.has(node) ? ' ✎' : '');
  const protection = protectionFlows(env, mark);
  // A node the diagram does not draw (e.g. a vault being removed) is not marked: Mermaid would draw it empty.
  const drawn = [...MAIN_NODES, ...protection.nodes].filter((n) => changed.has(n)).sort();
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
    ...protection.lines,
    ...(drawn.length > 0
      ? ['  classDef changed stroke:#d73a49,stroke-width:3px', `  class ${drawn.join(',')} changed`]
      : []),
  ].join('\n');
}
