/**
 * The settings a reviewer checks first, read from what will be deployed (the synthesized stack) and, where the
 * stack does not say it plainly, from the environment config.
 */
import { containers, isPooler } from '../policy/kubernetes';
import { blocksOf, get, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import { connectionSettings } from './connection-settings';

export type KeySettings = [setting: string, value: string][];

const show = (value: unknown): string =>
  value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

export function keySettings(env: SynthesizedEnvironment): KeySettings {
  const { config, stack } = env;
  const [, db] = blocksOf(stack, ['aws_db_instance'])[0] ?? ['', {}];
  const [, deployment] = blocksOf(stack, ['kubernetes_deployment_v1']).find(([, d]) => isPooler(d)) ?? [
    '',
    {},
  ];
  const [, domain] = blocksOf(stack, ['cloudflare_r2_custom_domain'])[0] ?? ['', {}];
  const pg = config.cluster.pgbouncer;
  const access = config.databaseAccess;
  return [
    ['RDS instance class', show(db.instance_class)],
    ...connectionSettings(env),
    ['PostgreSQL engine version', show(db.engine_version)],
    [
      'storage (allocated → max GiB)',
      `${show(db.allocated_storage)} → ${show(db.max_allocated_storage)} (${show(db.storage_type)})`,
    ],
    ['Multi-AZ', show(db.multi_az)],
    ['backup retention (days)', show(db.backup_retention_period)],
    [
      'deletion protection / prevent_destroy',
      `${show(db.deletion_protection)} / ${show(get(db, 'lifecycle', 'prevent_destroy') ?? false)}`,
    ],
    ['publicly accessible', show(db.publicly_accessible)],
    ['database port', show(db.port)],
    [
      'login roles (connection limit)',
      access.roles.flatMap((r) => (r.login ? [`${r.name} (${r.connectionLimit})`] : [])).join(', '),
    ],
    [
      'schemas (owner; readers)',
      access.schemas
        .map((s) => `${s.name} (${s.owner}${s.readers.length ? `; ${s.readers.join(', ')}` : ''})`)
        .join(', '),
    ],
    ['PgBouncer image', show(containers(deployment)[0]?.image)],
    [
      'PgBouncer replicas × pools',
      `${show(get(deployment, 'spec', 'replicas'))} × (${pg.defaultPoolSize} + ${pg.reservePoolSize} reserve + ${pg.sessionPoolSize} session) per role`,
    ],
    ['PgBouncer TLS to RDS', pg.serverTlsSslMode],
    [
      'namespaces (enforced Pod Security)',
      config.cluster.namespaces.map((n) => `${n.name} (${n.podSecurity.enforce})`).join(', '),
    ],
    ['R2 bucket', config.cloudflare.media.bucketName],
    ['CDN domain (min TLS)', `${show(domain.domain)} (${show(domain.min_tls)})`],
    [
      'CDN edge / browser TTL (s)',
      `${config.cloudflare.cdn.edgeTtlSeconds} / ${config.cloudflare.cdn.browserTtlSeconds}`,
    ],
  ];
}
