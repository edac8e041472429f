/**
 * LW-SM-002: Secrets rotate within 90 days.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-SM-002', () => ({
  title: 'Secrets rotate within 90 days',
  severity: 'medium',
  mirrors: ['CKV2_AWS_57', 'CKV_AWS_304', 'AwsSolutions-SMG4', 'SecretsManager.1', 'SecretsManager.4'],
  rationale: 'RDS-managed master secrets rotate every 7 days; any other secret needs a rotation schedule.',
  types: ['aws_db_instance', 'aws_secretsmanager_secret'],
  test: (block, env, address) =>
    address.startsWith('aws_db_instance')
      ? block.manage_master_user_password === true
        ? true
        : null
      : Object.values(env.stack.resource?.aws_secretsmanager_secret_rotation ?? {}).some((r) =>
          String(r.secret_id ?? '').includes(address),
        ),
}));
