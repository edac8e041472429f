/**
 * The contract a product gets when nothing more is declared for it: its database (both pools), its own signing
 * secret and its cache. Framework-neutral names (dj-database-url, node-postgres and ioredis all read URLs); a product
 * that needs more (media, another product's API) declares its own variables instead.
 */
import type { ContractVariable, ServiceContract } from './variables';

const variables: readonly ContractVariable[] = [
  { name: 'DATABASE_URL', source: 'database.url', secret: true, description: 'Transaction pooling' },
  {
    name: 'DATABASE_SESSION_URL',
    source: 'database.session-url',
    secret: true,
    description: 'Session pooling: migrations, LISTEN clients, long maintenance',
  },
  {
    name: 'DATABASE_MAX_LIFETIME_SECONDS',
    source: 'database.max-lifetime-seconds',
    secret: false,
    description: "A client connection's maximum age: leave a draining PgBouncer in time",
  },
  { name: 'SECRET_KEY', source: 'generated.secret', secret: true, description: 'Signs tokens and cookies' },
  {
    name: 'REDIS_URL',
    source: 'cache.url',
    secret: true,
    description: 'Redis cache; its ACL user reaches only REDIS_KEY_PREFIX keys',
  },
  {
    name: 'REDIS_KEY_PREFIX',
    source: 'cache.key-prefix',
    secret: false,
    description: 'Cache keys must start with this and a colon; other keys are refused',
  },
];

/** The standard contract of product `app`, served as `service` (its namespace), with its Secret `<app>-env`. */
export function standardContract(
  app: string,
  service: string,
  title: string,
  description: string,
): ServiceContract {
  return { service, app, title, description, secretName: `${app}-env`, variables };
}
