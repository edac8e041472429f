/**
 * The product registry itself: each key, schema, role, namespace, Service and Secret belongs to one product, and no
 * product takes a name the platform keeps (Redis's `default` user, the platform's namespace, the monitoring role, the
 * extensions' schema). Reported with the registry's failures, before anything is synthesized.
 */
import type { EnvironmentConfig } from '../config';
import type { ValidationFailure } from '../validation';
import type { ProductDeclaration } from './product';

const FIELDS: readonly (readonly [label: string, of: (p: ProductDeclaration) => string])[] = [
  ['key', (p) => p.key],
  ['schema', (p) => p.schema],
  ['role', (p) => p.role],
  ['namespace.name', (p) => p.namespace.name],
  ['app.serviceName', (p) => p.app.serviceName],
  ['contract.secretName', (p) => p.contract.secretName],
];

/** Names the platform keeps for itself in `env`, by the product field that must not take them. */
const kept = (env: EnvironmentConfig): Readonly<Record<string, readonly (string | undefined)[]>> => ({
  key: ['default', 'monitoring'],
  // Optional reads: a config missing a part is reported by its own rules, not here.
  schema: ['public', env.databaseAccess?.extensions?.schema],
  role: [env.databaseAccess?.monitoringRole?.name, env.database?.masterUsername],
  'namespace.name': [env.cluster?.platformNamespace?.name],
});

export function productRegistryFailures(
  registry: readonly ProductDeclaration[],
  envs: readonly EnvironmentConfig[],
): ValidationFailure[] {
  const fail = (field: string, value: string, allowed: string): ValidationFailure => ({
    environment: 'registry',
    field: `environments/products: ${field}`,
    value,
    allowed,
  });
  const shared = FIELDS.flatMap(([label, of]) => {
    const values = registry.map(of);
    const reserved = [...new Set(envs.flatMap((env) => kept(env)[label] ?? []))].filter(
      (v): v is string => v !== undefined,
    );
    return [
      ...[...new Set(values.filter((v, i) => values.indexOf(v) !== i))].map((v) =>
        fail(label, v, `a ${label} no other product declares`),
      ),
      ...values
        .filter((v) => reserved.includes(v))
        .map((v) => fail(label, v, `not one the platform keeps (${reserved.join(', ')})`)),
    ];
  });
  const misfiled = registry
    .filter((p) => p.contract.app !== p.key)
    .map((p) => fail('contract.app', p.contract.app, `its product's key, ${p.key}`));
  return [...shared, ...misfiled];
}
