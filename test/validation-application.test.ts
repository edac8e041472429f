/**
 * Validation of what the platform hands the applications: contract settings, labels, the Redis cache.
 */
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { describeBadInputs, type BadInput } from './support/bad-inputs';

const PUBLIC_URL = 'cluster.apps.payload.settings.NEXT_PUBLIC_SERVER_URL';

const badInputs: BadInput[] = [
  [
    'a contract variable has no source (its config setting is missing)',
    prod,
    (e) => (e.cluster.apps.payload.settings = {}),
    PUBLIC_URL,
    undefined,
  ],
  [
    "Payload's public URL is plain http",
    prod,
    (e) => (e.cluster.apps.payload.settings = { NEXT_PUBLIC_SERVER_URL: 'http://cms.lightwave-media.site' }),
    PUBLIC_URL,
    'http://cms.lightwave-media.site',
  ],
  [
    "Payload's public URL has a trailing slash",
    dev,
    (e) =>
      (e.cluster.apps.payload.settings = { NEXT_PUBLIC_SERVER_URL: 'https://cms-dev.lightwave-media.site/' }),
    PUBLIC_URL,
    'https://cms-dev.lightwave-media.site/',
  ],
  [
    'a setting the contract does not list',
    dev,
    (e) => (e.cluster.apps.django.settings = { DEBUG: 'true' }),
    'cluster.apps.django.settings.DEBUG',
    'true',
  ],
  [
    'a Service name that is not a DNS label',
    dev,
    (e) => (e.cluster.apps.payload.serviceName = 'Payload_CMS'),
    'cluster.apps.payload.serviceName',
    'Payload_CMS',
  ],
  [
    'web pods carry no label of their own (workers would get ingress)',
    dev,
    (e) => (e.cluster.apps.django.serverPodLabels = {}),
    'cluster.apps.django.serverPodLabels',
    {},
  ],
  [
    'a web-pod label that podLabels already sets',
    dev,
    (e) => (e.cluster.apps.django.serverPodLabels = { 'app.kubernetes.io/name': 'django-web' }),
    'cluster.apps.django.serverPodLabels.app.kubernetes.io/name',
    'django-web',
  ],
  [
    'Redis older than 7.0',
    dev,
    (e) => (e.cluster.redis.version = '6.2.14'),
    'cluster.redis.version',
    '6.2.14',
  ],
  [
    'the Redis image tag is latest',
    dev,
    (e) => (e.cluster.redis.image.tag = 'latest'),
    'cluster.redis.image.tag',
    'latest',
  ],
  [
    'the Redis image tag is another version than the config is rendered for',
    prod,
    (e) => (e.cluster.redis.image.tag = '7.2.4-alpine'),
    'cluster.redis.image.tag',
    '7.2.4-alpine',
  ],
  [
    'a malformed Redis digest',
    dev,
    (e) => (e.cluster.redis.image.digest = 'sha256:abc'),
    'cluster.redis.image.digest',
    'sha256:abc',
  ],
  [
    'Redis in a namespace that does not enforce restricted',
    dev,
    (e) => (e.cluster.redis.namespace = 'payload-cms'),
    'cluster.redis.namespace',
    'payload-cms',
  ],
  [
    'Redis running as a low UID',
    dev,
    (e) => (e.cluster.redis.runAsUser = 999),
    'cluster.redis.runAsUser',
    999,
  ],
  [
    'an eviction policy that refuses writes when full',
    prod,
    (e) => (e.cluster.redis.evictionPolicy = 'noeviction' as never),
    'cluster.redis.evictionPolicy',
    'noeviction',
  ],
  [
    'Redis memory above its container limit',
    prod,
    (e) => (e.cluster.redis.maxMemory = '2Gi'),
    'cluster.redis.maxMemory',
    '2Gi',
  ],
  [
    'Redis memory leaving no room for overhead (all of the limit)',
    dev,
    (e) => (e.cluster.redis.maxMemory = '256Mi'),
    'cluster.redis.maxMemory',
    '256Mi',
  ],
  [
    'Redis memory that is not a quantity',
    dev,
    (e) => (e.cluster.redis.maxMemory = '192MB'),
    'cluster.redis.maxMemory',
    '192MB',
  ],
  [
    'a Redis limit below its request',
    dev,
    (e) => (e.cluster.redis.resources.limits.memory = '128Mi'),
    'cluster.redis.resources.limits.memory',
    '128Mi',
  ],
  [
    'a Redis limit above the namespace limit range',
    dev,
    (e) => (e.cluster.redis.resources.limits.cpu = '2'),
    'cluster.redis.resources.limits.cpu',
    '2',
  ],
  [
    'Redis beyond the namespace quota, next to PgBouncer and the exporters',
    dev,
    (e) => {
      e.cluster.namespaces[2].quota.limits.memory = '2Gi';
      e.cluster.redis.resources = {
        requests: { cpu: '50m', memory: '2Gi' },
        limits: { cpu: '250m', memory: '2Gi' },
      };
      e.cluster.redis.maxMemory = '1Gi';
    },
    'cluster.namespaces[2].quota.limits.memory',
    '2Gi',
  ],
  [
    'an extension RDS for PostgreSQL 15 does not offer',
    prod,
    (e) => (e.databaseAccess.extensions.names = ['pg_trgm', 'timescaledb']),
    'databaseAccess.extensions.names[1]',
    'timescaledb',
  ],
  [
    'an extension whose library the parameter group does not preload',
    dev,
    (e) => (e.databaseAccess.extensions.names = ['pg_cron']),
    'databaseAccess.extensions.names[0]',
    'pg_cron',
  ],
  [
    'an extension listed twice',
    dev,
    (e) => (e.databaseAccess.extensions.names = ['unaccent', 'unaccent']),
    'databaseAccess.extensions.names',
    'unaccent',
  ],
  [
    'extensions in schema public',
    dev,
    (e) => (e.databaseAccess.extensions.schema = 'public'),
    'databaseAccess.extensions.schema',
    'public',
  ],
  [
    "extensions in an application's schema",
    prod,
    (e) => (e.databaseAccess.extensions.schema = 'payload'),
    'databaseAccess.extensions.schema',
    'payload',
  ],
  [
    "a whole-schema reader of Payload's schema, which has sensitive tables",
    prod,
    (e) => (e.databaseAccess.schemas[0].readers = ['django_user']),
    'databaseAccess.schemas[0].readers[0]',
    'django_user',
  ],
  [
    "Django's read switch listing Payload's users table",
    prod,
    (e) => (e.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: ['pages', 'users'] }]),
    'databaseAccess.schemas[0].tableReaders[0].tables[1]',
    'users',
  ],
  [
    'a table reader that is not a login role',
    dev,
    (e) => (e.databaseAccess.schemas[0].tableReaders = [{ role: 'createos_owner', tables: ['pages'] }]),
    'databaseAccess.schemas[0].tableReaders[0].role',
    'createos_owner',
  ],
  [
    'a table reader that owns the schema',
    dev,
    (e) => (e.databaseAccess.schemas[0].tableReaders = [{ role: 'payload_user', tables: ['pages'] }]),
    'databaseAccess.schemas[0].tableReaders[0].role',
    'payload_user',
  ],
  [
    'a table reader with no table (the switch is off by removing the entry)',
    dev,
    (e) => (e.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: [] }]),
    'databaseAccess.schemas[0].tableReaders[0].tables',
    [],
  ],
  [
    'a table name that is not an identifier',
    dev,
    (e) => (e.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: ['pages; DROP'] }]),
    'databaseAccess.schemas[0].tableReaders[0].tables[0]',
    'pages; DROP',
  ],
  [
    'a session pool that breaks the connection budget',
    dev,
    (e) => (e.cluster.pgbouncer.sessionPoolSize = 3),
    'cluster.pgbouncer.sessionPoolSize',
    3,
  ],
  [
    'no session pool (the apps are handed its URL)',
    dev,
    (e) => (e.cluster.pgbouncer.sessionPoolSize = 0),
    'cluster.pgbouncer.sessionPoolSize',
    0,
  ],
  [
    'a session pool beyond a role connection limit',
    prod,
    (e) => (e.cluster.pgbouncer.sessionPoolSize = 5),
    'databaseAccess.roles[0].connectionLimit',
    160,
  ],
];

describeBadInputs(badInputs);
