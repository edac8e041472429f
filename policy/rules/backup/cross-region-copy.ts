/**
 * LW-BAK-002: Every production backup rule copies its recovery points to another region.
 */
import { get } from '../../../synth/synthesized-environment';
import type { TerraformJson } from '../../../synth/terraform-json';
import { resourceRule } from '../../rule';

/** Region of the AWS provider a resource uses (`aws.<alias>` or the default). */
function regionOf(stack: TerraformJson, provider: unknown): string | undefined {
  const alias = typeof provider === 'string' ? provider.replace(/^aws\./, '') : undefined;
  const block = (stack.provider?.aws ?? []).find((p) => (alias ? p.alias === alias : p.alias === undefined));
  return block?.region as string | undefined;
}

export default resourceRule('LW-BAK-002', () => ({
  title: 'Every production backup rule copies its recovery points to another region',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    "A recovery point in the region it protects is lost with the region. No scanner equivalent: Checkov, Trivy and cdk-nag do not read copy actions, and Security Hub's RDS.26 asks only for a backup plan.",
  types: ['aws_backup_plan'],
  tiers: ['production'],
  test: (plan, env) => {
    const home = regionOf(env.stack, undefined);
    const rules = (plan.rule as Record<string, unknown>[] | undefined) ?? [];
    const local = rules.filter((rule) => {
      const target = /^\$\{aws_backup_vault\.([\w-]+)\.arn\}$/.exec(
        String(get(rule.copy_action, 'destination_vault_arn')),
      );
      const vault = target ? env.stack.resource?.aws_backup_vault?.[target[1]] : undefined;
      const region = vault ? regionOf(env.stack, vault.provider) : undefined;
      return !region || region === home;
    });
    return (
      local.length === 0 ||
      `no copy to another region in rule ${local.map((r) => String(r.rule_name)).join(', ')}`
    );
  },
}));
