/**
 * The rule registry: enough rules, unique ids, every rule documented and covered by a compliance test; and the
 * waivers in the environment config, which must name a registered rule, say why, and expire (policy/waivers.ts; the
 * failing cases are waiverCases in support/validation-cases.ts, counted by the validation coverage test).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentConfig } from '../../environments/config';
import { dev } from '../../environments/dev';
import type { PolicyWaiver } from '../../environments/parts/review';
import { prod } from '../../environments/prod';
import { checkEach, type ValidationFailure } from '../../environments/validation';
import { policyRules } from '../../policy';
import { waiverRules } from '../../policy/waivers';
import { waiverCases } from '../support/validation-cases';
import { withChange } from '../support/with-change';

describe('policy rules', () => {
  test('at least 60 rules with unique ids', () => {
    expect(policyRules.length).toBeGreaterThanOrEqual(60);
    expect(new Set(policyRules.map((r) => r.id)).size).toBe(policyRules.length);
  });

  test.each(policyRules.map((r) => [r.id, r] as const))(
    '%s names its severity and why (what it mirrors: scanner-ids.test.ts)',
    (_id, rule) => {
      expect(rule.id).toMatch(/^LW-[A-Z0-9]+-\d{3}$/);
      expect(['critical', 'high', 'medium', 'low']).toContain(rule.severity);
      expect(rule.rationale.length).toBeGreaterThanOrEqual(30);
      expect(rule.title).toMatch(/\S/);
    },
  );

  test('every rule has compliance cases in test/policy', () => {
    const text = readdirSync(__dirname)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(__dirname, f), 'utf8'))
      .join('\n');
    expect(policyRules.map((r) => r.id).filter((id) => !text.includes(`'${id}': {`))).toEqual([]);
  });

  test('one rule per file under policy/rules', () => {
    const root = join(__dirname, '../../policy/rules');
    const files = readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith('.ts'));
    expect(files).toHaveLength(policyRules.length);
  });
});

/** The waiver rules alone over `envs`, judged on `today` (the environment rules are validation.test.ts's). */
const waiverFailures = (envs: readonly EnvironmentConfig[], today = '2026-01-01'): ValidationFailure[] =>
  checkEach(envs, waiverRules, today);

describe.each(waiverCases.map((c) => [c.what, c] as const))('fails on %s', (_what, c) => {
  test('naming the field, the value and what is allowed', () => {
    expect(waiverFailures(c.envs(), c.today)).toContainEqual({
      environment: expect.any(String),
      value: expect.anything(),
      allowed: expect.stringMatching(/\S{3,}/),
      ...c.expected,
    });
  });
});

const reason = 'a reason of twenty c';

/** [what, the waivers of dev, the day they are judged on, the field refused (none: accepted)] */
const edges: [string, PolicyWaiver[], string | undefined, string | undefined][] = [
  ['the registered environments, through the last expiry day', [], '2027-01-31', undefined],
  [
    'a reason of 20 characters',
    [{ rule: 'LW-RDS-006', reason, expires: '2099-01-01' }],
    undefined,
    undefined,
  ],
  [
    'a waiver expiring today',
    [{ rule: 'LW-RDS-006', reason, expires: '2026-06-30' }],
    '2026-06-30',
    undefined,
  ],
  [
    'a reason of 19 characters in spaces',
    [{ rule: 'LW-RDS-006', reason: ` ${'a'.repeat(19)} `, expires: '2099-01-01' }],
    undefined,
    'reason',
  ],
  ['an expiry with a time', [{ rule: 'LW-RDS-006', reason, expires: '2099-01-01T00' }], undefined, 'expires'],
  ['an expiry with a prefix', [{ rule: 'LW-RDS-006', reason, expires: 'x2099-01-01' }], undefined, 'expires'],
  [
    'a waiver expired yesterday',
    [{ rule: 'LW-RDS-006', reason, expires: '2026-06-29' }],
    '2026-06-30',
    'expires',
  ],
];

describe.each(edges)('%s', (_what, waivers, today, refused) => {
  test(refused ? `is refused: ${refused}` : 'is accepted', () => {
    const env = waivers.length > 0 ? withChange(dev, (e) => (e.policyWaivers = waivers)) : dev;
    const failures = waiverFailures([env, prod], today).map((f) => `${f.environment} ${f.field}`);
    expect(failures).toEqual(refused ? [`dev policyWaivers[0].${refused}`] : []);
  });
});
