/**
 * The production plan gate exists only as a repository setting, so the setup page must create it, protected, before
 * anything names it: GitHub creates an Environment a workflow names but nobody created with no protection rules
 * (review of issue 23, finding 1). Checked for every registered environment with a plan gate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environments } from '../environments';

const page = readFileSync(join(__dirname, '..', 'docs', 'first-deploy.md'), 'utf8');
const gated = environments.filter((e) => e.delivery.planRole.githubEnvironment !== undefined);

test('the registry has a gated environment to check the page against', () => {
  expect(gated.length).toBeGreaterThan(0);
});

describe.each(gated.map((e) => [e.name, e] as const))('docs/first-deploy.md for %s', (name, env) => {
  const gate = `\`${String(env.delivery.planRole.githubEnvironment)}\``;
  const planRoleVariable = `PLAN_ROLE_ARN_${name.toUpperCase()}`;

  test('creates the gate with required reviewers, self-review prevented and no administrator bypass', () => {
    const creation = page.slice(page.indexOf(gate));
    expect(page).toContain(gate);
    for (const setting of ['required\n      reviewers', '"Prevent self-review" on', 'protection rules" off'])
      expect(creation.replace(/\s+/g, ' ')).toContain(setting.replace(/\s+/g, ' '));
  });

  test(`creates it before ${planRoleVariable} is set (a missing Environment would be created unprotected)`, () => {
    const setting = page.indexOf(`variables \`PLAN_ROLE_ARN_`);
    expect(page.slice(setting)).toContain(`\`${planRoleVariable}\``);
    expect(page.indexOf(gate)).toBeGreaterThan(-1);
    expect(page.indexOf(gate)).toBeLessThan(setting);
  });
});
