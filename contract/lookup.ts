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

/** The contracts of `apps`, in their order (an app without one is skipped: validation reports it). */
export const contractsOf = (
  contract: readonly ServiceContract[],
  apps: readonly AppKey[],
): ServiceContract[] => apps.flatMap((app) => contractOf(contract, app) ?? []);

/** The contracts of the applications live in at least one of `envs`: what contract/env.services.json lists. */
export const servedContracts = (
  contract: readonly ServiceContract[],
  envs: readonly { readonly cluster: { readonly apps: Readonly<Record<AppKey, unknown>> } }[],
): ServiceContract[] => contract.filter((s) => envs.some((env) => s.app in env.cluster.apps));
