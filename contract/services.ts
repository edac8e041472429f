/**
 * The application contract: every variable each service receives in its Kubernetes Secret, where the value comes
 * from and whether it is secret. The cluster layer builds the secrets from these tables and `npm run contract`
 * writes them to contract/env.services.json; test/contract.test.ts holds the two together.
 */
import { apiUrlSource, type ContractVariable, type ServiceContract } from './variables';

const HTTPS_ORIGIN = {
  pattern: /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
  allowed: 'an https origin without path or trailing slash, e.g. https://cms.lightwave-media.site',
};

const payloadVariables: readonly ContractVariable[] = [
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

const djangoVariables: readonly ContractVariable[] = [
  {
    name: 'DATABASE_URL',
    source: 'database.url',
    secret: true,
    description: "DATABASES['default'] (dj-database-url / django-environ); transaction pooling",
  },
  {
    name: 'DATABASE_SESSION_URL',
    source: 'database.session-url',
    secret: true,
    description:
      "DATABASES['session']: `migrate --database session`, LISTEN, REFRESH MATERIALIZED VIEW (SET statement_timeout there)",
  },
  { name: 'DB_HOST', source: 'database.host', secret: false, description: "DATABASES['default']['HOST']" },
  { name: 'DB_PORT', source: 'database.port', secret: false, description: "DATABASES['default']['PORT']" },
  { name: 'DB_NAME', source: 'database.name', secret: false, description: "DATABASES['default']['NAME']" },
  { name: 'DB_USER', source: 'database.user', secret: false, description: "DATABASES['default']['USER']" },
  {
    name: 'DB_PASSWORD',
    source: 'database.password',
    secret: true,
    description: "DATABASES['default']['PASSWORD']",
  },
  {
    name: 'DB_SSLMODE',
    source: 'database.sslmode',
    secret: false,
    description: "DATABASES['default']['OPTIONS']['sslmode']",
  },
  {
    name: 'DB_CONN_MAX_AGE',
    source: 'database.max-lifetime-seconds',
    secret: false,
    description: "DATABASES['default']['CONN_MAX_AGE']: leave a draining PgBouncer in time",
  },
  {
    name: 'DB_DISABLE_SERVER_SIDE_CURSORS',
    source: 'database.server-side-cursors-disabled',
    secret: false,
    description: "DATABASES['default']['DISABLE_SERVER_SIDE_CURSORS']",
  },
  {
    name: 'SECRET_KEY',
    source: 'generated.secret',
    secret: true,
    description: 'settings.SECRET_KEY',
  },
  {
    name: 'PAYLOAD_API_URL',
    source: apiUrlSource('payload'),
    secret: false,
    description: "Base URL of Payload's REST API inside the cluster (PayloadCMSClient.BASE_URL)",
  },
  {
    name: 'CACHE_URL',
    source: 'cache.url',
    secret: true,
    description: "CACHES['default']['LOCATION'] (django.core.cache.backends.redis.RedisCache)",
  },
  {
    name: 'CACHE_KEY_PREFIX',
    source: 'cache.key-prefix',
    secret: false,
    description:
      "CACHES['default']['KEY_PREFIX'] (Django joins it to each key with a colon); other keys are refused",
  },
];

export const payloadService: ServiceContract = {
  service: 'payload-cms',
  app: 'payload',
  title: 'Payload CMS',
  description: 'Payload CMS (Next.js): owns the payload schema, serves the CMS and its REST API',
  secretName: 'payload-env',
  variables: payloadVariables,
};

export const djangoService: ServiceContract = {
  service: 'django-api',
  app: 'django',
  title: 'Django API + Celery',
  description:
    'Django REST API and its Celery workers: owns the django schema, reads content from Payload over REST',
  secretName: 'django-env',
  variables: djangoVariables,
};

export const applicationContract: readonly ServiceContract[] = [payloadService, djangoService];
