/**
 * Validation of the policy waivers in an environment's config: each names a rule that exists, says why, and has not
 * expired. They run with the environment rules (`validateEnvironments(envs, today, waiverRules)`, see
 * stacks/platform-app.ts); they live here because they need the registry, and the environment config must not.
 */
import type { EnvironmentRule } from '../environments/validation';
import { matches } from '../environments/rules/formats';
import { policyRules } from './index';

function isDate(text: string): boolean {
  return matches(text, /^\d{4}-\d{2}-\d{2}$/) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

export const waiverRules: readonly EnvironmentRule[] = [
  ({ policyWaivers }, c) => {
    const knownRules = new Set(policyRules.map((r) => r.id));
    policyWaivers.forEach((waiver, i) => {
      const at = `policyWaivers[${i}]`;
      c.check(
        `${at}.rule`,
        waiver.rule,
        knownRules.has(waiver.rule),
        'the id of a rule in policy/rules (see `npm run policy`)',
      );
      c.check(
        `${at}.reason`,
        waiver.reason,
        typeof waiver.reason === 'string' && waiver.reason.trim().length >= 20,
        'a reason of at least 20 characters: why the failure is accepted and what ends it',
      );
      if (c.check(`${at}.expires`, waiver.expires, isDate(waiver.expires), 'a date YYYY-MM-DD')) {
        c.check(
          `${at}.expires`,
          waiver.expires,
          waiver.expires >= c.today,
          `a date not before today (${c.today}): the waiver has expired, decide again`,
        );
      }
    });
  },
];
