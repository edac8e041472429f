/**
 * `npm run config -- <environment>`: prints the environment's whole resolved configuration (its tier's values, its own
 * and its products' derived parts) as the layers read it: reviewers read values, not inheritance. Validation failures
 * follow on stderr, as `cdktf synth` would report them. Without a name it lists the registered environments.
 */
import { environments } from '../environments';
import { resolvedConfigText } from '../environments/resolved-text';
import { todayUtc, validateEnvironments } from '../environments/validate';
import { formatFailure } from '../environments/validation';
import { waiverRules } from '../policy/waivers';

const name = process.argv[2];
const env = environments.find((e) => e.name === name);
if (env) {
  process.stdout.write(resolvedConfigText(env));
  const failures = validateEnvironments(environments, todayUtc(), waiverRules).filter(
    (f) => f.environment === env.name || f.environment === 'registry',
  );
  for (const failure of failures) console.error(formatFailure(failure));
  if (failures.length > 0) process.exitCode = 1;
} else {
  console.error(`usage: npm run config -- <${environments.map((e) => e.name).join('|')}>`);
  process.exitCode = name === undefined ? 0 : 1;
}
