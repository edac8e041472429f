/**
 * LW-IAM-003: IAM roles say what they are for.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-IAM-003', () => ({
  title: 'IAM roles say what they are for',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    'A described role can be reviewed and removed when its purpose is gone. No scanner equivalent (AWS IAM best practices).',
  types: ['aws_iam_role'],
  test: (role) => typeof role.description === 'string' && role.description.trim() !== '',
}));
