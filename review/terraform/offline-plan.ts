/**
 * Offline proof harness: `terraform init`, `validate` and `plan` of the AWS part of a synthesized environment with
 * the real AWS provider from a local mirror, fake credentials and no network.
 *
 * The synthesized configuration is written unchanged; an override file adds only what offline planning needs:
 * fake credentials, the skip-validation flags, and `allowed_account_ids = null` (with no STS call the provider
 * cannot learn the account and would refuse every allowed list; tests assert the list on the synthesized JSON).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Toolchain } from './terraform-toolchain';
import type { TerraformJson } from '../../synth/terraform-json';

const offlineCredentials = {
  access_key: 'AKIAIOSFODNN7EXAMPLE', // AWS's documented example key: fake by construction
  secret_key: 'offline-plan-fake-secret',
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
  allowed_account_ids: null,
};

/** One override per AWS provider block (the default and each alias, e.g. the DR region): Terraform merges by alias. */
function offlineProviderOverride(config: TerraformJson) {
  const blocks = config.provider?.aws?.length ? config.provider.aws : [{}];
  return {
    provider: {
      aws: blocks.map((block) => ({ ...(block.alias ? { alias: block.alias } : {}), ...offlineCredentials })),
    },
  };
}

export interface PlannedResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly values: Record<string, unknown>;
}

export interface ResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly previous_address?: string;
  readonly type: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly after: Record<string, unknown> | null;
    /** Attribute paths that force the replacement, when the action replaces. */
    readonly replace_paths?: readonly (readonly (string | number)[])[];
  };
}

export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version: string;
  readonly planned_values: { readonly root_module: { readonly resources?: readonly PlannedResource[] } };
  readonly resource_changes?: readonly ResourceChange[];
  readonly configuration: Record<string, unknown>;
}

export interface OfflinePlan {
  /** `terraform validate -json`; absent when the caller skipped it (`validate: false`). */
  readonly validate?: {
    readonly valid: boolean;
    readonly error_count: number;
    readonly diagnostics: readonly unknown[];
  };
  readonly plan: PlanJson;
  /** Planned values of managed resources by address (data sources read at apply time have none). */
  readonly resources: ReadonlyMap<string, PlannedResource>;
}

const STEP_TIMEOUT_MS = 5 * 60_000;

function run(toolchain: Toolchain, dir: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(toolchain.terraform, args, {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: STEP_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `terraform ${args.join(' ')} failed (${result.error ?? `exit ${result.status}`}):\n${result.stderr}\n${result.stdout}`,
    );
  }
  return result.stdout;
}

export interface OfflinePlanOptions {
  /** A Terraform state document to plan from, without refreshing it (no API calls). @default - no state */
  readonly state?: object;
  /**
   * Run `terraform validate` before the plan. Each terraform command starts the AWS provider, the bulk of an offline
   * plan's time; `plan` rejects an invalid configuration anyway, so callers that assert only on the plan skip it.
   * @default true
   */
  readonly validate?: boolean;
}

/** Runs init, validate, plan and show in a temporary directory, removed afterwards. */
export function planOffline(
  toolchain: Toolchain,
  config: TerraformJson,
  { state, validate: validates = true }: OfflinePlanOptions = {},
): OfflinePlan {
  const dir = mkdtempSync(join(tmpdir(), 'lightwave-offline-plan-'));
  try {
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
    if (state) writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify(state, null, 2));
    writeFileSync(
      join(dir, 'offline_override.tf.json'),
      JSON.stringify(offlineProviderOverride(config), null, 2),
    );
    // A private CLI config: the user's own ~/.terraformrc is neither read nor touched.
    const cliConfig = join(dir, 'offline.tfrc');
    writeFileSync(
      cliConfig,
      `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(toolchain.mirror)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`,
    );
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    run(toolchain, dir, ['init', '-input=false', '-no-color'], env);
    const validate = validates
      ? JSON.parse(run(toolchain, dir, ['validate', '-json', '-no-color'], env))
      : undefined;
    const refresh = state ? ['-refresh=false'] : [];
    run(
      toolchain,
      dir,
      ['plan', '-input=false', '-no-color', '-lock=false', ...refresh, '-out=offline.tfplan'],
      env,
    );
    const plan = JSON.parse(run(toolchain, dir, ['show', '-json', 'offline.tfplan'], env)) as PlanJson;
    const resources = new Map(
      (plan.planned_values.root_module.resources ?? [])
        .filter((r) => r.mode === 'managed')
        .map((r) => [r.address, r]),
    );
    return { ...(validate ? { validate } : {}), plan, resources };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
