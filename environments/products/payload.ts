/**
 * Payload CMS (Next.js 15, Payload 3): owns the payload schema, serves the CMS and its REST API; uploads media to R2.
 */
import { cloudflareIpv4Ranges } from '../cloudflare-ipv4';
import { HTTPS_ORIGIN, type ContractVariable } from '../../contract/variables';
import type { ProductDeclaration } from './product';

/**
 * Tables of Payload's schema that hold credentials, sessions or per-user records (Payload 3 with the `users` auth
 * collection of seed 001): password hashes, salts and reset tokens in `users`, live session ids in `users_sessions`,
 * each admin's preferences and document locks. No role but Payload's own may read them.
 */
export const PAYLOAD_SENSITIVE_TABLES: readonly string[] = [
  'users',
  'users_sessions',
  'payload_preferences',
  'payload_preferences_rels',
  'payload_locked_documents_rels',
];

const variables: readonly ContractVariable[] = [
  {
    name: 'DATABASE_URI',
    source: 'database.url',
    secret: true,
    description: 'postgresAdapter({ pool: { connectionString } }); transaction pooling',
  },
  {
    name: 'DATABASE_SESSION_URI',
    source: 'database.session-url',
    secret: true,
    description:
      'Session pooling: `payload migrate`, LISTEN clients, long maintenance (SET statement_timeout there)',
  },
  {
    name: 'DATABASE_MAX_LIFETIME_SECONDS',
    source: 'database.max-lifetime-seconds',
    secret: false,
    description: 'postgresAdapter({ pool: { maxLifetimeSeconds } }): leave a draining PgBouncer in time',
  },
  {
    name: 'PAYLOAD_SECRET',
    source: 'generated.secret',
    secret: true,
    description: 'buildConfig({ secret }): signs tokens and cookies',
  },
  {
    name: 'NEXT_PUBLIC_SERVER_URL',
    source: 'config',
    secret: false,
    description: "buildConfig({ serverURL }): Payload's public origin for links, previews and CORS",
    format: HTTPS_ORIGIN,
  },
  { name: 'S3_ENDPOINT', source: 'media.endpoint', secret: false, description: 's3Adapter config.endpoint' },
  { name: 'S3_REGION', source: 'media.region', secret: false, description: 's3Adapter config.region' },
  { name: 'S3_BUCKET', source: 'media.bucket', secret: false, description: 's3Adapter bucket' },
  {
    name: 'S3_ACCESS_KEY_ID',
    source: 'media.access-key-id',
    secret: true,
    description: 's3Adapter config.credentials.accessKeyId',
  },
  {
    name: 'S3_SECRET_ACCESS_KEY',
    source: 'media.secret-access-key',
    secret: true,
    description: 's3Adapter config.credentials.secretAccessKey',
  },
  {
    name: 'CDN_BASE_URL',
    source: 'cdn.base-url',
    secret: false,
    description: "Public base of media URLs (the upload collection's generateFileURL)",
  },
  {
    name: 'REDIS_URL',
    source: 'cache.url',
    secret: true,
    description: 'Redis cache (ioredis / node-redis); its ACL user reaches only REDIS_KEY_PREFIX keys',
  },
  {
    name: 'REDIS_KEY_PREFIX',
    source: 'cache.key-prefix',
    secret: false,
    description:
      'Cache keys must start with this and a colon (ioredis keyPrefix: `${REDIS_KEY_PREFIX}:`); other keys are refused',
  },
];

export const payload: ProductDeclaration = {
  key: 'payload',
  schema: 'payload',
  role: 'payload_user',
  namespace: { name: 'payload-cms', purpose: 'Payload CMS on Next.js' },
  app: {
    podLabels: { 'app.kubernetes.io/name': 'payload' },
    serverPodLabels: { 'app.kubernetes.io/component': 'web' },
    httpPort: 3000,
    serviceName: 'payload',
    httpsEgressCidrs: cloudflareIpv4Ranges, // uploads to R2
  },
  // Credentials, sessions and per-user records of Payload's auth collection: never readable by another role.
  sensitiveTables: PAYLOAD_SENSITIVE_TABLES,
  // Django's read switch (analytics reads of Payload content; Django otherwise uses Payload's REST API): off.
  // On: [{ role: 'django_user', tables: ['pages', 'posts', 'categories', 'media'] }]; each listed table is
  // granted once Payload's migrations created it. See docs/application-contract.md.
  tableReaders: [],
  contract: {
    service: 'payload-cms',
    app: 'payload',
    title: 'Payload CMS',
    description: 'Payload CMS (Next.js): owns the payload schema, serves the CMS and its REST API',
    secretName: 'payload-env',
    variables,
  },
};
