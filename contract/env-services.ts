/**
 * The contract as a machine-readable document in the shape of the workspace's `.env.services.json`
 * (`services.<name>.required_variables`), extended with each variable's source and whether it is secret.
 * `npm run contract` writes it to contract/env.services.json; it holds names and sources, never values.
 */
import {
  apiUrlTarget,
  CONFIG_SOURCE_DESCRIPTION,
  platformSources,
  sourceDescription,
  type ServiceContract,
} from './variables';

export const ENV_SERVICES_FILE = 'contract/env.services.json';

export interface EnvServicesDocument {
  readonly generated_by: string;
  readonly sources: Readonly<Record<string, string>>;
  readonly services: Readonly<
    Record<
      string,
      {
        readonly description: string;
        readonly kubernetes_secret: string;
        readonly required_variables: readonly string[];
        readonly variables: Readonly<
          Record<string, { readonly source: string; readonly secret: boolean; readonly description: string }>
        >;
      }
    >
  >;
}

export function envServicesDocument(contract: readonly ServiceContract[]): EnvServicesDocument {
  const used = new Set<string>(contract.flatMap((s) => s.variables.map((v) => v.source)));
  const platform = [...Object.keys(platformSources), ...[...used].filter((id) => apiUrlTarget(id)).sort()];
  return {
    generated_by: 'npm run contract (from contract/services.ts); do not edit',
    sources: Object.fromEntries([
      ...(used.has('config') ? [['config', CONFIG_SOURCE_DESCRIPTION]] : []),
      ...platform.filter((id) => used.has(id)).map((id) => [id, sourceDescription(id) as string]),
    ]),
    services: Object.fromEntries(
      contract.map((s) => [
        s.service,
        {
          description: s.description,
          kubernetes_secret: s.secretName,
          required_variables: s.variables.map((v) => v.name).sort(),
          variables: Object.fromEntries(
            [...s.variables]
              .sort((a, b) => (a.name < b.name ? -1 : 1))
              .map((v) => [v.name, { source: v.source, secret: v.secret, description: v.description }]),
          ),
        },
      ]),
    ),
  };
}

/** The file's text: stable key order, two-space indent, final newline. */
export function envServicesText(contract: readonly ServiceContract[]): string {
  return `${JSON.stringify(envServicesDocument(contract), null, 2)}\n`;
}
