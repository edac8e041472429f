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
import type { PlanJson, PlannedResource } from '../../synth/plan-json';
import type { TerraformJson } from '../../synth/terraform-json';
import type { ProviderSchemas } from './provider-schemas';

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

/**
 * A working directory initialised once with the mirrored AWS provider, in which configurations and states can be
 * planned in turn (a plan is ~5 s; init and validate another ~5 s). Close it to remove the directory.
 */
export class OfflinePlanSession {
  private readonly dir = mkdtempSync(join(tmpdir(), 'lightwave-offline-plan-'));
  private readonly env: NodeJS.ProcessEnv;
  private initialised = false;

  constructor(private readonly toolchain: Toolchain) {
    // A private CLI config: the user's own ~/.terraformrc is neither read nor touched.
    const cliConfig = join(this.dir, 'offline.tfrc');
    writeFileSync(
      cliConfig,
      `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(toolchain.mirror)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`,
    );
    this.env = {
      PATH: process.env.PATH,
      HOME: this.dir,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  }

  /**
   * Writes the configuration to plan next, with fake credentials for each of its AWS provider blocks (an override
   * naming an alias the configuration lacks is an error); the first one also runs `terraform init`.
   */
  configure(config: TerraformJson): void {
    writeFileSync(join(this.dir, 'main.tf.json'), JSON.stringify(config, null, 2));
    writeFileSync(
      join(this.dir, 'offline_override.tf.json'),
      JSON.stringify(offlineProviderOverride(config), null, 2),
    );
    if (!this.initialised) this.run(['init', '-input=false', '-no-color']);
    this.initialised = true;
  }

  validate(): NonNullable<OfflinePlan['validate']> {
    return JSON.parse(this.run(['validate', '-json', '-no-color']));
  }

  /** Plans the configured stack from `state` (no refresh: no API call) or from nothing. */
  plan(state?: object): PlanJson {
    const stateFile = join(this.dir, 'terraform.tfstate');
    rmSync(stateFile, { force: true });
    if (state) writeFileSync(stateFile, JSON.stringify(state, null, 2));
    const refresh = state ? ['-refresh=false'] : [];
    this.run(['plan', '-input=false', '-no-color', '-lock=false', ...refresh, '-out=offline.tfplan']);
    return JSON.parse(this.run(['show', '-json', 'offline.tfplan'])) as PlanJson;
  }

  /** `terraform providers schema -json`: attribute types and schema versions of every resource type. */
  providerSchemas(): ProviderSchemas {
    return JSON.parse(this.run(['providers', 'schema', '-json'])) as ProviderSchemas;
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(args: string[]): string {
    const result = spawnSync(this.toolchain.terraform, args, {
      cwd: this.dir,
      env: this.env,
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
  const session = new OfflinePlanSession(toolchain);
  try {
    session.configure(config);
    const validate = validates ? session.validate() : undefined;
    const plan = session.plan(state);
    const resources = new Map(
      (plan.planned_values?.root_module.resources ?? [])
        .filter((r) => r.mode === 'managed')
        .map((r) => [r.address, r]),
    );
    return { ...(validate ? { validate } : {}), plan, resources };
  } finally {
    session.close();
  }
}
