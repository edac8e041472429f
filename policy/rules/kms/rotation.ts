/**
 * LW-KMS-001: KMS keys rotate yearly.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-KMS-001', () => ({
  title: 'KMS keys rotate yearly',
  severity: 'medium',
  mirrors: ['CKV_AWS_7', 'AVD-AWS-0065', 'AwsSolutions-KMS5'],
  relation: 'same',
  rationale: 'Rotation limits how much data one key version protects.',
  types: ['aws_kms_key'],
  test: (key) => key.enable_key_rotation === true,
}));
