/**
 * The applications' runtime Secrets, built from the application contract (contract/services.ts): each service's
 * Secret holds exactly the variables its contract lists, every value taken from the source the variable names.
 */
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import type { Construct } from 'constructs';
import { ContractError, secretData, unresolved, type PlatformValues } from '../contract/secret-data';
import type { AppKey, ServiceContract } from '../contract/variables';

export interface AppSecretInput {
  /** Namespace of the application (a reference to the namespace resource). */
  readonly namespace: string;
  /** What the platform provides this application, by source. */
  readonly platform: PlatformValues;
  /** The application's `settings` from config (values of `config` variables). */
  readonly settings: Readonly<Record<string, string>>;
}

/**
 * One Secret per service of `contract`, with construct id `<app>_env` under `scope` (the ids are addresses:
 * `kubernetes_secret_v1.cluster_payload_env`).
 */
export function applicationSecrets(
  scope: Construct,
  contract: readonly ServiceContract[],
  inputs: Readonly<Record<AppKey, AppSecretInput>>,
  labels: Readonly<Record<string, string>>,
): Map<AppKey, SecretV1> {
  // Every unmet variable of every service at once, before anything is created.
  const problems = contract.flatMap((s) => unresolved(s, inputs[s.app].platform, inputs[s.app].settings));
  if (problems.length > 0) throw new ContractError(problems);
  return new Map(
    contract.map((service) => {
      const input = inputs[service.app];
      const secret = new SecretV1(scope, `${service.app}_env`, {
        metadata: { name: service.secretName, namespace: input.namespace, labels: { ...labels } },
        type: 'Opaque',
        data: secretData(service, input.platform, input.settings),
      });
      return [service.app, secret];
    }),
  );
}
