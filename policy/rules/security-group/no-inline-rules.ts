/**
 * LW-SG-006: Security groups keep their rules in separate resources.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-SG-006', () => ({
  title: 'Security groups keep their rules in separate resources',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    'Inline rules and rule resources on one group overwrite each other on every apply. No scanner equivalent (AWS provider docs: aws_security_group).',
  types: ['aws_security_group'],
  test: (group) => group.ingress === undefined && group.egress === undefined,
}));
