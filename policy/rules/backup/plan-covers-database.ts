/**
 * LW-BAK-001: An AWS Backup plan selects the production database.
 */
import { blocksOf } from '../../../synth/synthesized-environment';
import { resourceRule } from '../../rule';

export default resourceRule('LW-BAK-001', () => ({
  title: 'An AWS Backup plan selects the production database',
  severity: 'high',
  mirrors: ['RDS.26', 'HIPAA.Security-RDSInBackupPlan', 'NIST.800.53.R5-RDSInBackupPlan'],
  relation: {
    'RDS.26':
      "narrower: production only; the control judges every instance of the account, dev's too (and also counts a plan that selects it by tag, which this rule does not: the selection must name the instance)",
    'HIPAA.Security-RDSInBackupPlan':
      "narrower: production only; the check judges every DB instance of the stack, and finds it in a backup selection's resources as this rule does",
    'NIST.800.53.R5-RDSInBackupPlan':
      "narrower: production only; the check judges every DB instance of the stack, and finds it in a backup selection's resources as this rule does",
  },
  rationale:
    'Automated RDS backups die with the instance and its account settings; a backup plan keeps recovery points in a vault of their own.',
  types: ['aws_db_instance'],
  tiers: ['production'],
  test: (_db, env, address) =>
    blocksOf(env.stack, ['aws_backup_selection']).some(([, selection]) =>
      ((selection.resources as string[] | undefined) ?? []).includes(`\${${address}.arn}`),
    ) || 'no aws_backup_selection lists the instance',
}));
