/**
 * LW-SG-003: No ingress from the whole internet.
 */
import { worldCidrs } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-SG-003', () => ({
  title: 'No ingress from the whole internet',
  severity: 'critical',
  mirrors: ['CKV_AWS_277', 'CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260', 'AwsSolutions-EC23', 'EC2.19'],
  relation: {
    CKV_AWS_277: 'stricter: any port; the check flags rules open on every port only',
    CKV_AWS_24: 'stricter: any port; the check flags port 22 only',
    CKV_AWS_25: 'stricter: any port; the check flags port 3389 only',
    CKV_AWS_260: 'stricter: any port; the check flags port 80 only',
    'AwsSolutions-EC23': 'same',
    'EC2.19': 'stricter: any port; the control covers its list of high-risk ports (5432 among them)',
  },
  rationale:
    "PostgreSQL (5432) is on Security Hub's list of high-risk ports; nothing here should be reachable from 0.0.0.0/0.",
  types: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
  test: (block) => {
    const open = worldCidrs(block, 'ingress');
    return open === null ? null : open.length === 0 || `open to every address: ${open.join(', ')}`;
  },
}));
