/**
 * Each application's variables for one environment, by name only (never values): what its synthesized Secret holds,
 * which of them the contract marks secret, and any gap between the Secret and the contract.
 */
import { applicationContract } from '../contract/services';
import { contractsOf } from '../contract/lookup';
import type { ServiceContract } from '../contract/variables';
import { blocksOf, get, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import { blocks, bullet, code, table } from './markdown';

/** Variable names of the synthesized Secret named `secretName`, or undefined when the stack has none. */
function secretNames(env: SynthesizedEnvironment, secretName: string): string[] | undefined {
  const found = blocksOf(env.stack, ['kubernetes_secret_v1']).find(
    ([, block]) => get(block, 'metadata', 'name') === secretName,
  );
  return found ? Object.keys((found[1].data as Record<string, string> | undefined) ?? {}).sort() : undefined;
}

/** Differences between a synthesized Secret and its contract (empty when they agree). */
export function contractGaps(env: SynthesizedEnvironment, service: ServiceContract): string[] {
  const names = secretNames(env, service.secretName);
  if (!names) return ['not synthesized'];
  const contract = service.variables.map((v) => v.name);
  return [
    ...contract.filter((n) => !names.includes(n)).map((n) => `missing ${n}`),
    ...names.filter((n) => !contract.includes(n)).map((n) => `not in the contract: ${n}`),
  ];
}

/**
 * Markdown: a table with one row per variable of each service (🔒: a secret value, an apply-time reference never
 * shown), then any gap between a Secret and the contract.
 */
export function serviceVariables(
  env: SynthesizedEnvironment,
  contract: readonly ServiceContract[] = contractsOf(
    applicationContract,
    Object.keys(env.config.cluster.apps),
  ),
): string {
  const cell = (value: string) => code(value, { inTable: true });
  const rows = contract.flatMap((service) => {
    const secret = new Set(service.variables.filter((v) => v.secret).map((v) => v.name));
    return (secretNames(env, service.secretName) ?? []).map((name) => [
      `${cell(service.service)} ${cell(service.secretName)}`,
      cell(name),
      secret.has(name) ? '🔒' : '',
    ]);
  });
  const gaps = contract.flatMap((service) =>
    contractGaps(env, service).map((gap) => bullet(`⚠️ ${code(service.secretName)}: ${code(gap)}`)),
  );
  return blocks(
    table(['service, Secret', 'variable', 'secret'], rows),
    gaps.length > 0
      ? gaps.join('\n')
      : 'Every Secret holds exactly the variables of contract/env.services.json.',
  );
}
