/**
 * The rule registry: enough rules, unique ids, every rule documented and covered by a compliance test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyRules } from '../../policy';

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
