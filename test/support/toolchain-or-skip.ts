/**
 * Gate for tests that need terraform and the provider mirror: in CI (`CI=true`) their absence is a failure,
 * elsewhere the tests are skipped with a loud message.
 */
import { findToolchain, type Toolchain } from '../../review/terraform/terraform-toolchain';

export function toolchainOrSkip(awsProviderVersion: string): Toolchain | undefined {
  const lookup = findToolchain(awsProviderVersion);
  if ('found' in lookup) return lookup.found;
  if (process.env.CI === 'true')
    throw new Error(`CI=true, but the offline plan cannot run: ${lookup.missing}`);
  console.warn(`\n!!!!! SKIPPING the offline terraform plan: ${lookup.missing} !!!!!\n`);
  return undefined;
}
