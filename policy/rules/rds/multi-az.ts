/**
 * LW-RDS-006: Production RDS runs Multi-AZ.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-006', () => ({
  title: 'Production RDS runs Multi-AZ',
  severity: 'medium',
  mirrors: ['CKV_AWS_157', 'AwsSolutions-RDS3', 'RDS.5'],
  relation: 'narrower: production only; dev runs single-AZ, and these checks fail it',
  rationale:
    'A standby in a second availability zone takes over in minutes when the primary or its zone fails.',
  types: ['aws_db_instance'],
  tiers: ['production'],
  test: (db) => db.multi_az === true,
}));
