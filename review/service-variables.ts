/**
 * The review report's "variables per service" section: for one environment, the names of the variables each
 * application's Secret holds as synthesized (never their values), which of them the contract marks secret, and any
 * gap between the Secret and the contract.
 */
import { applicationContract } from '../contract/services';
import type { ServiceContract } from '../contract/variables';
import { blocksOf, get, type SynthesizedEnvironment } from '../synth/synthesized-environment';

/** Variable names of the synthesized Secret named `secretName`, or undefined when the stack has none. */
function secretNames(env: SynthesizedEnvironment, secretName: string): string[] | undefined {
  const found = blocksOf(env.stack, ['kubernetes_secret_v1']).find(
    ([, block]) => get(block, 'metadata', 'name') === secretName,
  );
  return found ? Object.keys((found[1].data as Record<string, string> | undefined) ?? {}).sort() : undefined;
}

function row(env: SynthesizedEnvironment, service: ServiceContract): string {
  const names = secretNames(env, service.secretName);
  if (!names) return `| ${service.service} | \`${service.secretName}\` | ⚠️ not synthesized | |`;
  const secret = new Set(service.variables.filter((v) => v.secret).map((v) => v.name));
  const contract = service.variables.map((v) => v.name);
  const gaps = [
    ...contract.filter((n) => !names.includes(n)).map((n) => `missing ${n}`),
    ...names.filter((n) => !contract.includes(n)).map((n) => `not in the contract: ${n}`),
  ];
  const listed = names.map((n) => (secret.has(n) ? `${n} 🔒` : n)).join(', ');
  return `| ${service.service} | \`${service.secretName}\` | ${listed} | ${gaps.length ? `⚠️ ${gaps.join('; ')}` : '✅'} |`;
}

/** Markdown: one row per service; 🔒 marks a secret value (an apply-time reference). */
export function serviceVariablesSection(
  env: SynthesizedEnvironment,
  contract: readonly ServiceContract[] = applicationContract,
): string {
  return [
    `### Application variables (names only; 🔒 secret; contract/env.services.json)`,
    '',
    '| service | Secret | variables | against the contract |',
    '| --- | --- | --- | --- |',
    ...contract.map((service) => row(env, service)),
  ].join('\n');
}
