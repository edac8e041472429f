/**
 * The cdktf app: validates every registered environment (and its policy waivers), then defines one stack per
 * environment and one bootstrap stack per AWS account (`bootstrap-<first environment of the account>`).
 * Nothing is synthesized when any environment is invalid.
 */
import { App, type AppConfig } from 'cdktf';
import { accountsOf } from '../environments/accounts';
import type { EnvironmentConfig } from '../environments/config';
import { assertValidEnvironments, todayUtc } from '../environments/validate';
import { waiverRules } from '../policy/waivers';
import { BootstrapStack } from './bootstrap-stack';
import { zoneCacheRulesFor } from './cdn';
import { EnvironmentStack } from './environment-stack';

export function createPlatformApp(envs: readonly EnvironmentConfig[], appConfig: AppConfig = {}): App {
  assertValidEnvironments(envs, todayUtc(), waiverRules);
  const app = new App(appConfig);
  for (const env of envs) new EnvironmentStack(app, env, zoneCacheRulesFor(env, envs));
  for (const account of accountsOf(envs)) new BootstrapStack(app, account);
  return app;
}
