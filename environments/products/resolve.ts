/**
 * The products of one environment, worked out from the registry and the environment's `products` entries: each
 * product's role and schema (always: a reserved schema keeps its name taken), and for each live product its
 * namespace (with the tier's guardrails) and its application. The layers read only what this returns.
 */
import type { AppConfig, LimitRangeConfig, NamespaceConfig, PodSecurityConfig } from '../parts/cluster';
import type { DatabaseRoleConfig, SchemaConfig } from '../parts/database-access';
import type { ProductEnvironmentConfig, ProductSizes } from '../parts/products';
import type { ProductDeclaration } from './product';

/** What a tier gives every product namespace. */
export interface ProductGuardrails {
  readonly podSecurity: PodSecurityConfig;
  readonly limitRange: LimitRangeConfig;
}

export interface ResolvedProducts {
  readonly roles: readonly DatabaseRoleConfig[];
  readonly schemas: readonly SchemaConfig[];
  readonly namespaces: readonly NamespaceConfig[];
  readonly apps: Readonly<Record<string, AppConfig>>;
}

const RESERVED: ProductEnvironmentConfig = { status: 'reserved' };

function roleOf(
  p: ProductDeclaration,
  entry: ProductEnvironmentConfig,
  sizes: ProductSizes,
): DatabaseRoleConfig {
  if (entry.status !== 'live') return { name: p.role, login: false };
  return {
    name: p.role,
    login: true,
    connectionLimit: entry.connectionLimit ?? sizes.connectionLimit,
    statementTimeoutMs: entry.statementTimeoutMs ?? sizes.statementTimeoutMs,
  };
}

// Declarations are shared by every environment: each gets its own copies (structuredClone), never a reference.
const schemaOf = (p: ProductDeclaration): SchemaConfig => ({
  name: p.schema,
  owner: p.role,
  readers: [],
  ...(p.sensitiveTables ? { sensitiveTables: [...p.sensitiveTables] } : {}),
  ...(p.tableReaders ? { tableReaders: structuredClone(p.tableReaders) } : {}),
});

const namespaceOf = (
  p: ProductDeclaration,
  entry: ProductEnvironmentConfig,
  sizes: ProductSizes,
  guardrails: ProductGuardrails,
): NamespaceConfig => ({
  name: p.namespace.name,
  purpose: p.namespace.purpose,
  podSecurity: structuredClone(guardrails.podSecurity),
  quota: structuredClone(entry.quota ?? sizes.quota), // its own copy: a change to one namespace stays there
  limitRange: structuredClone(guardrails.limitRange),
});

const appOf = (p: ProductDeclaration, entry: ProductEnvironmentConfig): AppConfig => ({
  namespace: p.namespace.name,
  databaseRole: p.role,
  podLabels: { ...p.app.podLabels },
  serverPodLabels: { ...p.app.serverPodLabels },
  httpPort: p.app.httpPort,
  serviceName: p.app.serviceName,
  httpsEgressCidrs: [...p.app.httpsEgressCidrs],
  settings: { ...entry.settings },
});

/**
 * @param registry the declared products, in the order roles, schemas and apps keep
 * @param written the environment's `products` entries (a key the registry lacks is ignored: validation refuses it)
 */
export function resolveProducts(
  registry: readonly ProductDeclaration[],
  written: Readonly<Record<string, ProductEnvironmentConfig>>,
  sizes: ProductSizes,
  guardrails: ProductGuardrails,
): ResolvedProducts {
  // A product without an entry is treated as reserved here; validation refuses the missing entry (rules/products.ts).
  const entries = Object.fromEntries(registry.map((p) => [p.key, written[p.key] ?? RESERVED] as const));
  const live = registry.filter((p) => entries[p.key].status === 'live');
  return {
    roles: registry.map((p) => roleOf(p, entries[p.key], sizes)),
    schemas: registry.map(schemaOf),
    namespaces: live.map((p) => namespaceOf(p, entries[p.key], sizes, guardrails)),
    apps: Object.fromEntries(live.map((p) => [p.key, appOf(p, entries[p.key])])),
  };
}
