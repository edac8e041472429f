/**
 * The workflow lines a registered environment needs and does not have yet, written out for the engineer to paste:
 * the workflows are plain YAML, reviewed as such, so a new environment is added to them by hand and a test prints
 * exactly what to add.
 */
import type { EnvironmentConfig } from '../../environments/config';

/** The `include:` entry of a plan matrix for `env` (pull-request.yml also names its plan gate). */
export function planMatrixEntry(env: EnvironmentConfig, withGate: boolean): string {
  return [
    `          - environment: ${env.name}`,
    `            role_variable: PLAN_ROLE_ARN_${env.name.toUpperCase()}`,
    ...(withGate ? [`            plan_environment: '${env.delivery.planRole.githubEnvironment ?? ''}'`] : []),
  ].join('\n');
}

/**
 * The deploy job of `env`, the job of an environment of the same tier copied (production tiers wait for their
 * Environment's reviewers), run after the job of the environment before it in the registry.
 */
export function deployJob(
  workflowText: string,
  model: EnvironmentConfig,
  env: EnvironmentConfig,
  after: string,
): string {
  const lines = workflowText.split('\n');
  const start = lines.indexOf(`  ${model.name}:`);
  const end = lines.findIndex((l, i) => i > start && /^ {2}[\w-]+:$/.test(l));
  const block = lines
    .slice(start, end === -1 ? undefined : end)
    .filter((line) => !/^\s*#/.test(line)) // the model's comments speak of the model
    .join('\n')
    .trimEnd();
  const named = block
    .replace(new RegExp(`\\b${model.name}\\b`, 'g'), env.name)
    .replace(`environment: ${env.name}\n`, `environment: ${env.delivery.githubEnvironment}\n`);
  return /\n {4}needs: /.test(named)
    ? named.replace(/\n {4}needs: .*/, `\n    needs: ${after}`)
    : named.replace(/\n {4}name: .*/, (line) => `${line}\n    needs: ${after}`);
}
