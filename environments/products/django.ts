/**
 * Django REST API and its Celery workers (seeds 002–004): owns the django schema, reads content from Payload over REST.
 */
import { apiUrlSource, type ContractVariable } from '../../contract/variables';
import type { ProductDeclaration } from './product';

const variables: readonly ContractVariable[] = [
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

export const django: ProductDeclaration = {
  key: 'django',
  schema: 'django',
  role: 'django_user',
  namespace: { name: 'django-api', purpose: 'Django REST API and Celery workers' },
  app: {
    podLabels: { 'app.kubernetes.io/name': 'django-api' }, // web and Celery worker pods alike
    serverPodLabels: { 'app.kubernetes.io/component': 'web' },
    httpPort: 8000,
    serviceName: 'django-api',
    httpsEgressCidrs: [],
  },
  contract: {
    service: 'django-api',
    app: 'django',
    title: 'Django API + Celery',
    description:
      'Django REST API and its Celery workers: owns the django schema, reads content from Payload over REST',
    secretName: 'django-env',
    variables,
  },
};
