/**
 * LW-BAK-005: Production backup vaults cannot be destroyed by a plan.
 */
import { preventsDestroy } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-BAK-005', () => ({
  title: 'Production backup vaults cannot be destroyed by a plan',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    'The vaults hold the recovery points of last resort; prevent_destroy refuses the plan. No scanner equivalent (a platform data-protection rule): Checkov reads prevent_destroy on Google KMS keys only (CKV_GCP_82), Trivy and cdk-nag not at all.',
  types: ['aws_backup_vault'],
  tiers: ['production'],
  test: (vault) => preventsDestroy(vault),
}));
