/**
 * LW-RDS-018: RDS has its own security group attached.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-018', () => ({
  title: 'RDS has its own security group attached',
  severity: 'high',
  mirrors: ['CKV2_AWS_5'],
  rationale: "Without an explicit group the instance gets the VPC's default security group.",
  types: ['aws_db_instance'],
  test: (db) =>
    ((db.vpc_security_group_ids as string[] | undefined) ?? []).some((id) => /aws_security_group\./.test(id)),
}));
