/**
 * Launching a reserved product is one config change, `products.<key>.status: 'live'`, and wires it everywhere: read
 * back from the synthesized JSON of dev with each reserved product launched in turn. Launching every reserved product
 * at once is refused by dev's connection budget, with one error naming what was changed. (The real PostgreSQL 15
 * access matrix of a launched product: test/integration/database-access.test.ts.)
 */
import { contractOf, servedContracts } from '../contract/lookup';
import { applicationContract } from '../contract/services';
import { envServicesDocument } from '../contract/env-services';
import { environments } from '../environments';
import { connectionBudgetOf } from '../environments/connection-budget';
import type { EnvironmentConfig } from '../environments/config';
import { products } from '../environments/products';
import { tiers } from '../environments/tiers';
import { CONNECTION_BUDGET_FIELD } from '../environments/rules/connection-budget';
import { validateEnvironments } from '../environments/validate';
import { formatFailure } from '../environments/validation';
import { appEnvFiles } from '../local-dev/app-env';
import { credentialNames } from '../local-dev/credentials';
import { evaluatePolicy, formatFinding, unwaivedFailures } from '../policy/evaluate';
import { waiverRules } from '../policy/waivers';
import { planFromConfig } from '../review/planned-from-config';
import { diagram } from '../review/diagram';
import { resourcesOfType, type Block, type TerraformJson } from '../synth/terraform-json';
import { accessPlan } from '../environments/access-plan';
import { local } from '../environments/local';
import { launchTargets, reservedIn, withLaunched } from './support/products';
import { synthEnvironment } from './support/synth';

const dev = environments.find((e) => e.tier === 'development') as EnvironmentConfig;
const registryWith = (env: EnvironmentConfig) => environments.map((e) => (e.name === env.name ? env : e));
const metadata = (b: Block) =>
  b.metadata as { name: string; namespace?: string; labels?: Record<string, string> };

/** The blocks of `type` in namespace `name` (their metadata names the namespace block by reference). */
function inNamespace(stack: TerraformJson, type: string, name: string): Block[] {
  const namespaces = resourcesOfType(stack, 'kubernetes_namespace_v1');
  const id = Object.keys(namespaces).find((k) => metadata(namespaces[k]).name === name);
  return Object.values(resourcesOfType(stack, type)).filter((b) =>
    (metadata(b).namespace ?? '').includes(`kubernetes_namespace_v1.${id}.`),
  );
}

const dataOf = (stack: TerraformJson, type: string, file: string): string =>
  Object.values(resourcesOfType(stack, type))
    .map((b) => (b.data as Record<string, string> | undefined)?.[file])
    .find((text) => text !== undefined) ?? '';

/** Each reserved product with the first environment that has room for it (dev, as long as its budget allows). */
const targets = launchTargets(environments);
const launchable = targets.flatMap(([key, env]) => (env ? [[key, env.name, env] as const] : []));

test('each reserved product, in each environment, launches cleanly or is refused by the budget alone, naming it', () => {
  const pairs = environments.flatMap((env) => reservedIn(env).map((key) => [env, key] as const));
  expect(pairs.length).toBeGreaterThan(0);
  for (const [env, key] of pairs) {
    const failures = validateEnvironments(registryWith(withLaunched(env, [key])), undefined, waiverRules);
    if (failures.length === 0) continue; // room for it: its wiring is read below
    expect(failures.map((f) => f.field)).toEqual([CONNECTION_BUDGET_FIELD]);
    expect(failures[0].allowed).toContain(`products.${key}.status 'live'`);
  }
});

// With no room anywhere, the test above holds the refusal; jest refuses an empty table.
if (launchable.length > 0)
  describe.each(launchable)('%s launched in %s', (key, _name, env) => {
    const product = products.find((p) => p.key === key)!;
    const launched = withLaunched(env, [key]);
    const stack = synthEnvironment(launched);
    const before = synthEnvironment(env);
    const role = launched.databaseAccess.roles.find((r) => r.name === product.role)!;

    test('validates: the budget, quotas and limits hold with it', () => {
      expect(validateEnvironments(registryWith(launched), undefined, waiverRules).map(formatFailure)).toEqual(
        [],
      );
    });

    test('its role logs in, with its own connection limit, statement timeout and a verifier for a password', () => {
      const block = Object.values(resourcesOfType(stack, 'postgresql_role')).find(
        (b) => b.name === product.role,
      )!;
      expect(role.login).toBe(true);
      expect(block).toMatchObject({
        login: true,
        connection_limit: launched.productSizes.connectionLimit,
        statement_timeout: launched.productSizes.statementTimeoutMs,
        search_path: [product.schema, launched.databaseAccess.extensions.schema],
      });
      expect(block.password).toMatch(/^\$\{data\.external\.[a-z_]+\.result\.verifier\}$/);
    });

    test('its schema is owned by its role', () => {
      const schema = Object.values(resourcesOfType(stack, 'postgresql_schema')).find(
        (b) => b.name === product.schema,
      );
      const roles = resourcesOfType(stack, 'postgresql_role');
      const owner = /^\$\{postgresql_role\.(\w+)\.name\}$/.exec(String(schema?.owner))?.[1];
      expect(roles[owner ?? '']?.name).toBe(product.role);
    });

    test('PgBouncer pools it: its user in the userlist and the ini, the budget counting its pools', () => {
      expect(dataOf(stack, 'kubernetes_secret_v1', 'userlist.txt')).toContain(`"${product.role}" "\${`);
      expect(dataOf(stack, 'kubernetes_config_map_v1', 'pgbouncer.ini')).toMatch(
        new RegExp(`^${product.role} = max_user_connections=\\d+$`, 'm'),
      );
      const pg = launched.cluster.pgbouncer;
      const perRole = pg.replicas * (pg.defaultPoolSize + pg.reservePoolSize + pg.sessionPoolSize);
      expect(connectionBudgetOf(launched).needed).toBe(connectionBudgetOf(env).needed + perRole);
    });

    test('its namespace has the product guardrails: Pod Security labels, quota, limit range, default deny', () => {
      const ns = Object.values(resourcesOfType(stack, 'kubernetes_namespace_v1')).find(
        (b) => metadata(b).name === product.namespace.name,
      );
      expect(metadata(ns!).labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': tiers[env.tier].productGuardrails.podSecurity.enforce,
      });
      expect(inNamespace(stack, 'kubernetes_resource_quota_v1', product.namespace.name)).toHaveLength(1);
      expect(inNamespace(stack, 'kubernetes_limit_range_v1', product.namespace.name)).toHaveLength(1);
      const deny = inNamespace(stack, 'kubernetes_network_policy_v1', product.namespace.name).filter(
        (b) =>
          JSON.stringify(b.spec) ===
          JSON.stringify({ egress: [], ingress: [], pod_selector: {}, policy_types: ['Ingress', 'Egress'] }),
      );
      expect(deny).toHaveLength(1);
    });

    test('PgBouncer and Redis admit its pods, and its pods may reach them (both ends of each flow)', () => {
      const selector = {
        namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': product.namespace.name } },
      };
      const policies = resourcesOfType(stack, 'kubernetes_network_policy_v1');
      const admitting = Object.values(policies).filter((p) =>
        JSON.stringify(p.spec).includes(JSON.stringify(selector).slice(1, -1)),
      );
      expect(admitting.length).toBeGreaterThanOrEqual(2); // PgBouncer's and Redis's ingress
      const findings = evaluatePolicy({ config: launched, stack });
      const flows = findings.filter((f) => f.rule.id === 'LW-APP-006');
      expect(flows.length).toBeGreaterThan(0);
      expect(unwaivedFailures(findings).map(formatFinding)).toEqual([]);
    });

    test('its Secret holds exactly its contract, secret values as references', () => {
      const contract = contractOf(applicationContract, key)!;
      const secret = Object.values(resourcesOfType(stack, 'kubernetes_secret_v1')).find(
        (b) => metadata(b).name === contract.secretName,
      );
      expect(Object.keys((secret?.data as Record<string, string>) ?? {}).sort()).toEqual(
        contract.variables.map((v) => v.name).sort(),
      );
    });

    test('its Redis ACL user reaches only its own key prefix', () => {
      const line = dataOf(stack, 'kubernetes_secret_v1', 'users.acl')
        .split('\n')
        .find((l) => l.startsWith(`user ${key} `));
      expect(line).toMatch(new RegExp(` resetkeys ~${key}:\\* `));
      expect(line?.match(/~/g)).toHaveLength(1);
    });

    test('the contract document, the local .env files and the review diagram include it', () => {
      expect(
        Object.keys(envServicesDocument(servedContracts(applicationContract, [launched])).services),
      ).toContain(product.contract.service);
      const onLaptop = { ...local, basedOn: launched };
      const credentials = new Map([...credentialNames(launched).keys()].map((name) => [name, 'x']));
      const plan = accessPlan(launched.databaseAccess, launched.database.databaseName);
      const files = appEnvFiles(onLaptop, plan, credentials);
      expect(files.map((f) => f.path)).toContain(`env/${key}.env`);
      expect(diagram({ config: launched, stack })).toContain(product.contract.title);
    });

    test('going live changes its role in place: nothing is replaced or deleted', () => {
      const changes = planFromConfig(before, stack);
      expect(
        changes.filter((c) => c.action === 'replace' || c.action === 'destroy').map((c) => c.address),
      ).toEqual([]);
      const roleChange = changes.find(
        (c) => c.address.startsWith('postgresql_role.') && c.address.includes(product.role),
      );
      expect(roleChange?.action).toBe('update');
    });
  });

test("launching every reserved product at once: dev's connection budget refuses it, with one error naming them", () => {
  expect(reservedIn(dev).length).toBeGreaterThan(1);
  const all = withLaunched(dev, reservedIn(dev));
  const failures = validateEnvironments(registryWith(all), undefined, waiverRules);
  expect(failures.map((f) => f.field)).toEqual([CONNECTION_BUDGET_FIELD]);
  for (const key of reservedIn(dev)) expect(failures[0].allowed).toContain(`products.${key}.status 'live'`);
});
