/**
 * A Mermaid diagram of an environment: each application → PgBouncer → RDS, the applications that store media → R2 →
 * CDN, the API calls their contracts name, and where copies of the data go (backup vaults, the media copy), with the
 * parts a change touches drawn in red. Applications and their flows come from config and the contract; labels from
 * config, so quotes and angle brackets are written as Mermaid entity codes.
 */
import { contractOf } from '../contract/lookup';
import { applicationContract } from '../contract/services';
import { apiUrlTarget, type AppKey } from '../contract/variables';
import { type SynthesizedEnvironment } from '../synth/synthesized-environment';

/** A platform part, or an application (its key in `cluster.apps`). */
export type DiagramNode = 'pgbouncer' | 'rds' | 'r2' | 'cdn' | 'vault' | 'drvault' | 's3copy' | AppKey;

/** Which node an address belongs to, from the construct path its name is built from. */
const platformNodeOfName: readonly [RegExp, DiagramNode][] = [
  [/^cluster_/, 'pgbouncer'],
  [/^database_/, 'rds'],
  [/^media_/, 'r2'],
  [/^cdn_/, 'cdn'],
  [/^data_protection_(media_copy_|permission_object_read)/, 's3copy'],
  [/^data_protection_(dr_|backup_vault_dr)/, 'drvault'],
  [/^data_protection_/, 'vault'],
];

/** An application's resources are named `cluster_<app>_…` (or `cluster_namespace_<its namespace>_…`). */
const appNodeOf = (name: string, apps: SynthesizedEnvironment['config']['cluster']['apps']) =>
  Object.entries(apps).find(
    ([key, app]) =>
      name.startsWith(`cluster_${key}_`) ||
      name.startsWith(`cluster_namespace_${app.namespace.replace(/-/g, '_')}_`),
  )?.[0];

export function diagramNodeOf(address: string, env: SynthesizedEnvironment): DiagramNode | undefined {
  const name = address.split('.').slice(-1)[0];
  return (
    appNodeOf(name, env.config.cluster.apps) ??
    platformNodeOfName.find(([pattern]) => pattern.test(name))?.[1]
  );
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

const PLATFORM_NODES: readonly DiagramNode[] = ['pgbouncer', 'rds', 'r2', 'cdn'];

/** Each application in its namespace, and its flows: the database URL it takes, the APIs it calls, media it stores. */
function applications(
  { config }: SynthesizedEnvironment,
  mark: (node: DiagramNode) => string,
): {
  readonly nodes: readonly DiagramNode[];
  readonly boxes: readonly string[];
  /** Each application → PgBouncer. */
  readonly database: readonly string[];
  /** API calls and media uploads. */
  readonly calls: readonly string[];
} {
  const apps = Object.entries(config.cluster.apps);
  const variablesOf = (key: AppKey) => contractOf(applicationContract, key)?.variables ?? [];
  return {
    nodes: apps.map(([key]) => key),
    boxes: apps.flatMap(([key, app]) => [
      `    subgraph ns_${key}["${label(app.namespace)}"]`,
      `      ${key}["${label(contractOf(applicationContract, key)?.title ?? key)}<br/>${label(app.databaseRole)}${mark(key)}"]`,
      '    end',
    ]),
    database: apps.flatMap(([key]) =>
      variablesOf(key)
        .filter((v) => v.source === 'database.url')
        .map((v) => `  ${key} -->|${v.name}| pgbouncer`),
    ),
    calls: [
      ...apps.flatMap(([key]) =>
        variablesOf(key).flatMap((v) => {
          const callee = apiUrlTarget(v.source);
          return callee === undefined ? [] : [`  ${key} -->|REST API| ${callee}`];
        }),
      ),
      ...apps.flatMap(([key]) =>
        variablesOf(key).some((v) => v.source === 'media.access-key-id')
          ? [`  ${key} -->|S3 API, bucket-scoped token| r2`]
          : [],
      ),
    ],
  };
}

export function diagram(env: SynthesizedEnvironment, changed: ReadonlySet<DiagramNode> = new Set()): string {
  const { config } = env;
  const pg = config.cluster.pgbouncer;
  const db = config.database;
  const mark = (node: DiagramNode) => (changed.has(node) ? ' ✎' : '');
  const apps = applications(env, mark);
  const protection = protectionFlows(env, mark);
  // A node the diagram does not draw (e.g. a vault being removed) is not marked: Mermaid would draw it empty.
  const drawn = [...apps.nodes, ...PLATFORM_NODES, ...protection.nodes].filter((n) => changed.has(n)).sort();
  return [
    'flowchart LR',
    `  subgraph eks["EKS ${label(config.cluster.eksClusterName)}"]`,
    ...apps.boxes,
    `    subgraph ns_shared["${label(pg.namespace)}"]`,
    `      pgbouncer["PgBouncer ${label(pg.version)} × ${pg.replicas}<br/>transaction pooling${mark('pgbouncer')}"]`,
    '    end',
    '  end',
    `  rds[("RDS PostgreSQL ${label(db.engineVersion)}<br/>${label(db.instanceClass)}${db.multiAz ? ' Multi-AZ' : ''}<br/>${label(db.databaseName)}${mark('rds')}")]`,
    `  r2[("R2 ${label(config.cloudflare.media.bucketName)}${mark('r2')}")]`,
    `  cdn["${label(config.cloudflare.cdn.domain)}${mark('cdn')}"]`,
    '  readers(["browsers"])',
    ...apps.database,
    `  pgbouncer -->|TLS ${label(pg.serverTlsSslMode)}, SCRAM| rds`,
    ...apps.calls,
    '  r2 --> cdn',
    `  cdn -->|TLS ≥ ${label(config.cloudflare.cdn.minTlsVersion)}| readers`,
    ...protection.lines,
    ...(drawn.length > 0
      ? ['  classDef changed stroke:#d73a49,stroke-width:3px', `  class ${drawn.join(',')} changed`]
      : []),
  ].join('\n');
}
