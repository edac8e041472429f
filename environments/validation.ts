/**
 * The vocabulary of config validation: a failure names the field, the bad value and what is allowed.
 */
import type { EnvironmentConfig } from './config';
import type { LocalConfig } from './parts/local';
import { writtenField } from './products/written-field';

export interface ValidationFailure {
  /** Environment the failure belongs to, or `registry` for rules across environments. */
  readonly environment: string;
  /** Dotted path of the field, e.g. `database.backupRetentionDays` or `network.privateSubnetIds[1]`. */
  readonly field: string;
  readonly value: unknown;
  /** What the field accepts. */
  readonly allowed: string;
}

/** Collects failures for one environment (or the registry) so that every rule runs and all are reported. */
export class Checker {
  readonly failures: ValidationFailure[] = [];

  /**
   * @param today YYYY-MM-DD, the day waiver expiries are judged against
   * @param now the instant restore times are judged against (not in the future, inside the backup retention)
   */
  constructor(
    private readonly environment: string,
    readonly today: string,
    readonly now: Date = new Date(),
    private readonly config?: EnvironmentConfig,
  ) {}

  /** `field` as the environment file writes it (a product's derived role, namespace or app: its `products` entry). */
  fieldAsWritten(field: string): string {
    return this.config ? writtenField(this.config, field) : field;
  }

  /** Records a failure for `field` unless `ok`. Returns `ok` so callers can skip dependent checks. */
  check(field: string, value: unknown, ok: boolean, allowed: string): boolean {
    if (!ok)
      this.failures.push({
        environment: this.environment,
        field: this.fieldAsWritten(field),
        value,
        allowed,
      });
    return ok;
  }
}

/** A rule over one environment. */
export type EnvironmentRule = (env: EnvironmentConfig, check: Checker) => void;

/** A rule across all registered environments (uniqueness of names, state keys, buckets, domains …). */
export type RegistryRule = (envs: readonly EnvironmentConfig[], check: Checker) => void;

/** A rule over the local development setup, given the registered environments (ports they use, real buckets). */
export type LocalRule = (local: LocalConfig, registry: readonly EnvironmentConfig[], check: Checker) => void;

/** A rule that trips over a missing part of the config reports it instead of hiding the other failures. */
export function runReportingCrashes(check: Checker, rule: () => void, shape = 'EnvironmentConfig'): void {
  try {
    rule();
  } catch (error) {
    check.check('(structure)', (error as Error).message, false, `a configuration shaped like ${shape}`);
  }
}

/**
 * The failures of `rules` over each environment (the validation tests also run one area's rules alone), each on the
 * field the environment file writes (a product's derived role, namespace or app on its `products` entry).
 */
export function checkEach(
  envs: readonly EnvironmentConfig[],
  rules: readonly EnvironmentRule[],
  today: string,
  now = new Date(),
): ValidationFailure[] {
  return envs.flatMap((env) => {
    const check = new Checker(env.name, today, now, env);
    for (const rule of rules) runReportingCrashes(check, () => rule(env, check));
    return check.failures;
  });
}

function formatValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function formatFailure(failure: ValidationFailure): string {
  return `[${failure.environment}] ${failure.field}: ${formatValue(failure.value)} is not allowed; allowed: ${failure.allowed}`;
}

/** Thrown before anything is synthesized when any rule fails; the message lists every failure. */
export class ConfigValidationError extends Error {
  /** @param consequence what did not happen because of the failures */
  constructor(
    readonly failures: readonly ValidationFailure[],
    consequence = 'nothing was synthesized',
  ) {
    super(
      `Environment configuration is invalid (${failures.length} error${failures.length === 1 ? '' : 's'}); ` +
        `${consequence}:\n${failures.map((f) => `  - ${formatFailure(f)}`).join('\n')}`,
    );
    this.name = 'ConfigValidationError';
  }
}
