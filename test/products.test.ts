/**
 * The product machinery on its own: how the registry and an environment's entries become roles, schemas, namespaces
 * and apps (on a two-product registry written here, so a bug cannot move the expected values with it), how an
 * environment's values meet its tier's, what the registry check refuses, and that every registered environment's
 * apps are exactly its live products.
 */
import { environments } from '../environments';
import { productRegistryFailures } from '../environments/products/registry-check';
import { futureProduct } from '../environments/products/future-product';
import type { ProductDeclaration } from '../environments/products/product';
import { resolveProducts } from '../environments/products/resolve';
import { mergeValues } from '../environments/tiers/merge';

const alpha = futureProduct('alpha', 'Alpha');
const beta: ProductDeclaration = {
  ...futureProduct('beta', 'Beta'),
  role: 'beta_user',
  sensitiveTables: ['secrets'],
  app: { ...futureProduct('beta', 'Beta').app, httpsEgressCidrs: ['203.0.113.0/24'] },
};
const sizes = {
  connectionLimit: 10,
  statementTimeoutMs: 5000,
  quota: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' }, pods: 5 },
};
const guardrails = {
  podSecurity: { enforce: 'baseline', warn: 'restricted', audit: 'restricted', version: 'v1.31' },
  limitRange: {
    min: { cpu: '1m', memory: '1Mi' },
    defaultRequest: { cpu: '2m', memory: '2Mi' },
    default: { cpu: '3m', memory: '3Mi' },
    max: { cpu: '4m', memory: '4Mi' },
  },
} as const;

describe('resolveProducts', () => {
  const resolved = resolveProducts(
    [alpha, beta],
    { alpha: { status: 'reserved' }, beta: { status: 'live', connectionLimit: 12, settings: { X: 'y' } } },
    sizes,
    guardrails,
  );

  test('every product keeps its schema and role; only a live one logs in, with its sizes or the defaults', () => {
    expect(resolved.roles).toEqual([
      { name: 'alpha_owner', login: false },
      { name: 'beta_user', login: true, connectionLimit: 12, statementTimeoutMs: 5000 },
    ]);
    expect(resolved.schemas).toEqual([
      { name: 'alpha', owner: 'alpha_owner', readers: [] },
      { name: 'beta', owner: 'beta_user', readers: [], sensitiveTables: ['secrets'] },
    ]);
  });

  test('only a live product gets a namespace (the guardrails, the default quota) and an app', () => {
    expect(resolved.namespaces).toEqual([
      {
        name: 'beta',
        purpose: beta.namespace.purpose,
        podSecurity: guardrails.podSecurity,
        quota: sizes.quota,
        limitRange: guardrails.limitRange,
      },
    ]);
    expect(resolved.apps).toEqual({
      beta: {
        namespace: 'beta',
        databaseRole: 'beta_user',
        podLabels: { 'app.kubernetes.io/name': 'beta' },
        serverPodLabels: { 'app.kubernetes.io/component': 'web' },
        httpPort: beta.app.httpPort,
        serviceName: 'beta',
        httpsEgressCidrs: ['203.0.113.0/24'],
        settings: { X: 'y' },
      },
    });
  });

  test('what it returns is its own: changing it changes no declaration', () => {
    (resolved.apps.beta.podLabels as Record<string, string>).x = 'y';
    (resolved.apps.beta.httpsEgressCidrs as string[]).push('0.0.0.0/0');
    expect(beta.app.podLabels).toEqual({ 'app.kubernetes.io/name': 'beta' });
    expect(beta.app.httpsEgressCidrs).toEqual(['203.0.113.0/24']);
  });

  test('a product without an entry resolves as reserved (validation refuses the missing entry)', () => {
    expect(resolveProducts([alpha], {}, sizes, guardrails).roles).toEqual([
      { name: 'alpha_owner', login: false },
    ]);
  });
});

describe('mergeValues', () => {
  test('objects merge key by key; a list or a leaf written replaces; an unwritten key keeps the base', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x', e: { f: true } };
    expect(mergeValues(base, { a: { c: [3] }, d: 'y', g: 1 })).toEqual({
      a: { b: 1, c: [3] },
      d: 'y',
      e: { f: true },
      g: 1,
    });
    expect(mergeValues(base, { a: { b: undefined } })).toEqual(base);
  });

  test('changes neither side', () => {
    const base = { a: { b: 1 } };
    const over = { a: { c: 2 } };
    mergeValues(base, over);
    expect([base, over]).toEqual([{ a: { b: 1 } }, { a: { c: 2 } }]);
  });
});

describe('the product registry check', () => {
  const check = (registry: readonly ProductDeclaration[]) =>
    productRegistryFailures(registry, environments).map((f) => `${f.field}: ${String(f.value)}`);

  test('the registered products pass', () => {
    expect(check([alpha, beta])).toEqual([]);
  });

  test.each([
    [
      'a key declared twice',
      [alpha, { ...beta, key: 'alpha', contract: { ...beta.contract, app: 'alpha' } }],
      'environments/products: key: alpha',
    ],
    [
      'a schema declared twice',
      [alpha, { ...beta, schema: 'alpha' }],
      'environments/products: schema: alpha',
    ],
    [
      'a role declared twice',
      [alpha, { ...beta, role: 'alpha_owner' }],
      'environments/products: role: alpha_owner',
    ],
    [
      'a namespace declared twice',
      [alpha, { ...beta, namespace: alpha.namespace }],
      'environments/products: namespace.name: alpha',
    ],
    [
      'a Service declared twice',
      [alpha, { ...beta, app: { ...beta.app, serviceName: 'alpha' } }],
      'environments/products: app.serviceName: alpha',
    ],
    [
      'a Secret declared twice',
      [alpha, { ...beta, contract: { ...beta.contract, secretName: 'alpha-env' } }],
      'environments/products: contract.secretName: alpha-env',
    ],
    [
      "Redis's default user as a key",
      [{ ...alpha, key: 'default', contract: { ...alpha.contract, app: 'default' } }],
      'environments/products: key: default',
    ],
    [
      'the platform namespace',
      [{ ...alpha, namespace: { name: 'shared', purpose: 'x' } }],
      'environments/products: namespace.name: shared',
    ],
    ['the monitoring role', [{ ...alpha, role: 'monitoring' }], 'environments/products: role: monitoring'],
    [
      'a contract filed under another key',
      [{ ...alpha, contract: beta.contract }],
      'environments/products: contract.app: beta',
    ],
  ] as const)('refuses %s', (_what, registry, failure) => {
    expect(check(registry as readonly ProductDeclaration[])).toContain(failure);
  });
});

test.each(environments.map((e) => [e.name, e] as const))(
  "%s's apps are exactly its live products",
  (_name, env) => {
    const live = Object.entries(env.products).flatMap(([key, p]) => (p.status === 'live' ? [key] : []));
    expect(Object.keys(env.cluster.apps).sort()).toEqual(live.sort());
    expect(env.databaseAccess.roles.filter((r) => r.login).length).toBe(live.length);
  },
);
