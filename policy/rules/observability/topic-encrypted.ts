/**
 * LW-OBS-002: Alert topics are encrypted with a customer-managed key.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-OBS-002', () => ({
  title: 'Alert topics are encrypted with a customer-managed key',
  severity: 'medium',
  mirrors: ['CKV_AWS_26', 'AVD-AWS-0095', 'AVD-AWS-0136', 'HIPAA.Security-SNSEncryptedKMS'],
  relation: {
    CKV_AWS_26: 'stricter: also refuses the AWS-managed alias/aws/sns; the check accepts any key',
    'AVD-AWS-0095': 'stricter: also refuses the AWS-managed alias/aws/sns (AVD-AWS-0136 covers that)',
    'AVD-AWS-0136': 'stricter: also refuses a topic with no key at all (AVD-AWS-0095 covers that)',
    'HIPAA.Security-SNSEncryptedKMS': 'stricter: also refuses the AWS-managed alias/aws/sns key',
  },
  rationale:
    'Alarm and event messages name the instance, its state and its limits; a customer-managed key keeps who may read them in the key policy.',
  types: ['aws_sns_topic'],
  test: (topic) => {
    const key = topic.kms_master_key_id;
    if (typeof key !== 'string' || key === '') return 'no kms_master_key_id';
    return key !== 'alias/aws/sns' || 'the AWS-managed alias/aws/sns';
  },
}));
