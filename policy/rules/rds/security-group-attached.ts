/**
 * LW-RDS-018: RDS has its own security group attached.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-018', () => ({
  title: 'RDS has its own security group attached',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    "Without an explicit group the instance gets the VPC's default security group. No scanner equivalent (CKV2_AWS_5 flags security groups attached to nothing; it does not check that an instance has its own).",
  types: ['aws_db_instance'],
  test: (db) =>
    ((db.vpc_security_group_ids as string[] | undefined) ?? []).some((id) => /aws_security_group\./.test(id)),
}));
