/**
 * The vocabulary of the application contract: what a variable is, where its value can come from, and which service
 * receives it. Values are never written here; the cluster layer resolves each source when it builds the secrets.
 */

/** Where the platform takes a value from, with what it is (shown in env.services.json). */
export const platformSources = {
  'database.url':
    "PgBouncer's transaction pool (web requests, workers): postgresql://<role>:<password>@<pgbouncer>:5432/<database>?sslmode=disable",
  'database.session-url':
    "PgBouncer's session pool (LISTEN, migrations, long maintenance): the same URL on database <database>_session",
  'database.host': 'In-cluster DNS name of PgBouncer',
  'database.port': "PgBouncer's Service port",
  'database.name': 'Database name on the transaction pool',
  'database.user': "The application's PostgreSQL login role",
  'database.password': "The role's password, generated at apply time (random_password)",
  'database.max-lifetime-seconds':
    "Seconds a client keeps one connection: PgBouncer's drain minus the role's statement timeout, so a rollout loses nothing",
  'database.sslmode':
    'disable: the hop to PgBouncer stays inside the cluster behind NetworkPolicies; PgBouncer → RDS is TLS',
  'database.server-side-cursors-disabled':
    'true: transaction pooling cannot keep a cursor between transactions',
  'media.endpoint': "The Cloudflare account's R2 S3 endpoint",
  'media.region': 'auto (R2)',
  'media.bucket': 'The R2 media bucket of the environment',
  'media.access-key-id': "The bucket-scoped Cloudflare token's id",
  'media.secret-access-key': "SHA-256 of the bucket-scoped token's value, computed at apply time",
  'cdn.base-url': 'https://<CDN domain> serving the media bucket',
  'generated.secret':
    "The application's own signing secret (at most one per application), generated at apply time (random_password)",
  'cache.url':
    "redis://<app user>:<password>@<redis>:6379/0, the app's own ACL user, password generated at apply time",
  'cache.key-prefix':
    "The app's cache namespace (<app>): its ACL user may touch only keys starting with <app>:",
} as const;

/**
 * Another application's REST API inside the cluster, `app.<app>.api-url`: naming it in a contract is also what opens
 * the flow (the caller's egress and the callee's ingress on its HTTP port).
 */
export const apiUrlSource = (app: AppKey) => `app.${app}.api-url` as const;
export type ApiUrlSource = ReturnType<typeof apiUrlSource>;

/** The application whose API an `app.<app>.api-url` source names, or undefined for any other source. */
export const apiUrlTarget = (source: string): AppKey | undefined =>
  /^app\.([a-z0-9-]+)\.api-url$/.exec(source)?.[1];

export const apiUrlDescription = (app: AppKey) =>
  `In-cluster URL of ${app}'s REST API: http://<serviceName>.<namespace>.svc.cluster.local:<httpPort>/api`;

export type PlatformSource = keyof typeof platformSources | ApiUrlSource;

/** What a source is, for env.services.json and error messages. */
export function sourceDescription(source: string): string | undefined {
  const app = apiUrlTarget(source);
  return app ? apiUrlDescription(app) : (platformSources as Readonly<Record<string, string>>)[source];
}

/** `config`: a plain value from `products.<key>.settings.<NAME>` in the environment's config. */
export type VariableSource = PlatformSource | 'config';

export const CONFIG_SOURCE_DESCRIPTION = 'products.<key>.settings.<NAME> in environments/<env>.ts';

/** The format of a public origin handed to an application (a `config` variable). */
export const HTTPS_ORIGIN = {
  pattern: /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
  allowed: 'an https origin without path or trailing slash, e.g. https://cms.lightwave-media.site',
};

export interface ContractVariable {
  readonly name: string;
  readonly source: VariableSource;
  /** Carries a credential: the value is an apply-time reference, never a literal, and is shown by name only. */
  readonly secret: boolean;
  readonly description: string;
  /** What a `config` value must look like. @default - any non-empty text */
  readonly format?: { readonly pattern: RegExp; readonly allowed: string };
}

/** An application of `cluster.apps` (its key: Redis user and key prefix, Secret construct id). */
export type AppKey = string;

export interface ServiceContract {
  /** Service name in env.services.json (the application's namespace). */
  readonly service: string;
  readonly app: AppKey;
  /** A few words naming the application, for diagrams (e.g. `Payload CMS`). */
  readonly title: string;
  readonly description: string;
  /** Name of the Kubernetes Secret in the application's namespace holding every variable. */
  readonly secretName: string;
  readonly variables: readonly ContractVariable[];
}
