/**
 * Entry point of `cdktf synth` / `cdktf deploy <env>`: every registered environment becomes a stack of its name.
 */
import { environments } from './environments';
import { ConfigValidationError } from './environments/validation';
import { createPlatformApp } from './stacks/platform-app';

try {
  createPlatformApp(environments).synth();
} catch (error) {
  if (!(error instanceof ConfigValidationError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
