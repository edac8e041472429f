/**
 * LW-S3-004: S3 bucket policies refuse requests without TLS.
 */
import { policyStatements } from '../../aws';
import { resourceRule } from '../../rule';
import { bucketSetting } from '../../s3';

export default resourceRule({
  id: 'LW-S3-004',
  title: 'S3 bucket policies refuse requests without TLS',
  severity: 'high',
  mirrors: ['CKV_AWS_379', 'AwsSolutions-S10', 'S3.5'],
  rationale: 'State and lock files never cross the network in clear text, whatever client or SDK asks.',
  types: ['aws_s3_bucket'],
  test: (_bucket, env, address) => {
    const policy = bucketSetting(env.stack, 'aws_s3_bucket_policy', address);
    const statements = policyStatements(policy?.policy, env.stack);
    if (!statements) return 'no bucket policy from a policy document';
    return (
      statements.some(
        (s) =>
          s.effect === 'Deny' &&
          (s.actions ?? []).includes('s3:*') &&
          (s.condition ?? []).some(
            (c) => c.test === 'Bool' && c.variable === 'aws:SecureTransport' && c.values.includes('false'),
          ),
      ) || 'no Deny of s3:* when aws:SecureTransport is false'
    );
  },
});
