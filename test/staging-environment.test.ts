/**
 * An environment from its tier and its own values: environments/examples/staging.ts (prod's tier, smaller sizes,
 * fake ids) registered beside the registered environments validates, synthesizes its stack and its account's
 * bootstrap stack, passes every policy rule, and gets the tier's guards. It is the file README's "Add an
 * environment" shows. (With it really registered, the whole unit suite passes apart from what registering an
 * environment must change: its snapshot, the workflow lines and setup steps the tests print; see the closing note.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environments } from '../environments';
import { staging } from '../environments/examples/staging';
import { resolvedConfigText } from '../environments/resolved-text';
import { tiers } from '../environments/tiers';
import { validateEnvironments } from '../environments/validate';
import { formatFailure } from '../environments/validation';
import { evaluatePolicy, formatFinding, unusedWaivers, unwaivedFailures } from '../policy/evaluate';
import { waiverRules } from '../policy/waivers';
import { synthBootstrap, synthEnvironment } from './support/synth';

// Registered already (as README tells), it is not added twice.
const registry = [...environments.filter((e) => e.name !== staging.name), staging];
const model = environments.find((e) => e.tier === staging.tier && e.name !== staging.name);

test('validates beside the registered environments', () => {
  expect(validateEnvironments(registry, undefined, waiverRules).map(formatFailure)).toEqual([]);
});

test('its tier wrote every guard a registered environment of the tier has', () => {
  expect(model).toBeDefined();
  const guards = (e: typeof staging) => ({
    deletionProtection: e.database.deletionProtection,
    backupRetentionDays: e.database.backupRetentionDays,
    backup: e.dataProtection.backup,
    alarms: e.observability.alarms,
    auditTrailDays: e.observability.auditTrail.logRetentionDays,
    namespaces: e.cluster.namespaces.map((n) => [n.name, n.podSecurity, n.limitRange]),
    waivers: tiers[e.tier].waivers.every((w) => e.policyWaivers.includes(w)),
  });
  expect(guards(staging)).toEqual(guards(model!));
});

test('names come from its own name and account, never from another environment', () => {
  expect(staging.state.key).toBe(`lightwave-platform/${staging.name}/terraform.tfstate`);
  expect(staging.state.bucket).toContain(staging.aws.accountId);
  expect(staging.database.identifier).toContain(staging.name);
  expect(staging.delivery.planRole.githubEnvironment).toBe(`${staging.name}-plan`);
  for (const other of registry.filter((e) => e !== staging))
    expect(JSON.stringify(staging)).not.toMatch(new RegExp(`\\b${other.name}\\b`));
});

test('its stack and its account bootstrap stack pass every policy rule, with no unused waiver', () => {
  const env = { config: staging, stack: synthEnvironment(staging) };
  const findings = evaluatePolicy(env);
  expect(unwaivedFailures(findings).map(formatFinding)).toEqual([]);
  expect(unusedWaivers(env, findings).map((w) => w.rule)).toEqual([]);
  const bootstrap = {
    config: staging,
    stack: synthBootstrap(staging),
    stackName: `bootstrap-${staging.name}`,
  };
  expect(unwaivedFailures(evaluatePolicy(bootstrap)).map(formatFinding)).toEqual([]);
});

test("is the file README's Add an environment shows", () => {
  const file = readFileSync(join(__dirname, '..', 'environments', 'examples', 'staging.ts'), 'utf8');
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  expect(readme).toContain(file.slice(file.indexOf('export const staging')).trimEnd());
});

test('npm run config prints the whole resolved config, name and tier first', () => {
  for (const env of registry) {
    const text = resolvedConfigText(env);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(env)));
    expect(Object.keys(JSON.parse(text)).slice(0, 2)).toEqual(['name', 'tier']);
  }
});
