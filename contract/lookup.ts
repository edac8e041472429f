/**
 * Finding an application's contract, and the applications whose contracts take a source: layers loop over these
 * instead of naming an application.
 */
import type { AppKey, PlatformSource, ServiceContract } from './variables';

/** The contract of an application, or undefined when none is declared. */
export const contractOf = (contract: readonly ServiceContract[], app: AppKey): ServiceContract | undefined =>
  contract.find((s) => s.app === app);

/** The applications among `apps` (in their order) whose contract takes `source`. */
export const appsTaking = (
  contract: readonly ServiceContract[],
  apps: readonly AppKey[],
  source: PlatformSource,
): AppKey[] => apps.filter((app) => contractOf(contract, app)?.variables.some((v) => v.source === source));
