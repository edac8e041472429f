/**
 * The values of one service's Secret, resolved from the contract: each variable takes its value from the source it
 * names. A variable whose source nobody provides stops synthesis, naming the variable and what was provided.
 */
import type { PlatformSource, ServiceContract } from './variables';

export type PlatformValues = Readonly<Partial<Record<PlatformSource, string>>>;

export class ContractError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The application contract cannot be met; nothing was synthesized:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ContractError';
  }
}

/** Problems resolving `service` against the values at hand (empty when every variable has a value). */
export function unresolved(
  service: ServiceContract,
  platform: PlatformValues,
  settings: Readonly<Record<string, string>>,
): string[] {
  return service.variables.flatMap((v) => {
    if (v.source === 'config') {
      return settings[v.name] === undefined
        ? [
            `${service.service} ${v.name}: source config, but cluster.apps.${service.app}.settings.${v.name} is not set`,
          ]
        : [];
    }
    return platform[v.source] === undefined
      ? [
          `${service.service} ${v.name}: source ${v.source} is not provided (provided: ${Object.keys(platform).sort().join(', ')})`,
        ]
      : [];
  });
}

/** The Secret's data: every contract variable of `service` with its value, and nothing else. */
export function secretData(
  service: ServiceContract,
  platform: PlatformValues,
  settings: Readonly<Record<string, string>>,
): Record<string, string> {
  const problems = unresolved(service, platform, settings);
  if (problems.length > 0) throw new ContractError(problems);
  return Object.fromEntries(
    service.variables.map((v) => [
      v.name,
      v.source === 'config' ? settings[v.name] : (platform[v.source] as string),
    ]),
  );
}
