/**
 * LW-SG-004: No egress to the whole internet.
 */
import { worldCidrs } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-SG-004', () => ({
  title: 'No egress to the whole internet',
  severity: 'high',
  mirrors: ['CKV_AWS_382', 'AVD-AWS-0104'],
  relation: {
    CKV_AWS_382: 'stricter: any port; the check flags rules open on every port only',
    'AVD-AWS-0104': 'same',
  },
  rationale: 'The database initiates no connection; an allow-all egress rule only helps exfiltration.',
  types: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_egress_rule'],
  test: (block) => {
    const open = worldCidrs(block, 'egress');
    return open === null ? null : open.length === 0 || `open to every address: ${open.join(', ')}`;
  },
}));
