/**
 * The cdktf app: validates every registered environment, then defines one stack per environment.
 * Nothing is synthesized when any environment is invalid.
 */
import { App, type AppConfig } from 'cdktf';
import type { EnvironmentConfig } from '../environments/config';
import { assertValidEnvironments } from '../environments/validate';
import { zoneCacheRulesFor } from './cdn';
import { EnvironmentStack } from './environment-stack';

export function createPlatformApp(envs: readonly EnvironmentConfig[], appConfig: AppConfig = {}): App {
  assertValidEnvironments(envs);
  const app = new App(appConfig);
  for (const env of envs) new EnvironmentStack(app, env, zoneCacheRulesFor(env, envs));
  return app;
}
