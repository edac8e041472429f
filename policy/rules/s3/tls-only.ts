/**
 * LW-S3-004: S3 bucket policies refuse requests without TLS, from everyone, on the bucket and its objects.
 */
import { policyStatements, type PolicyStatement } from '../../aws';
import { resourceRule } from '../../rule';
import { bucketSetting } from '../../s3';

const deniesEveryone = (s: PolicyStatement): boolean =>
  (s.principals ?? []).some((p) => ['*', 'AWS'].includes(p.type) && p.identifiers.includes('*'));

const deniesWithoutTls = (s: PolicyStatement): boolean =>
  (s.condition ?? []).some(
    (c) => c.test === 'Bool' && c.variable === 'aws:SecureTransport' && c.values.includes('false'),
  );

export default resourceRule('LW-S3-004', () => ({
  title: 'S3 bucket policies refuse requests without TLS',
  severity: 'high',
  mirrors: ['CKV_AWS_379', 'AwsSolutions-S10', 'S3.5'],
  relation: {
    CKV_AWS_379:
      'stricter: every bucket needs the Deny; the check judges only a bucket given a public ACL through aws_s3_bucket_acl (and no website), and also accepts an Allow conditioned on aws:SecureTransport = true',
    'AwsSolutions-S10': 'same',
    'S3.5': 'same',
  },
  rationale:
    'State, lock files and media copies never cross the network in clear text, whatever client or SDK asks: the Deny covers every principal, the bucket and its objects.',
  types: ['aws_s3_bucket'],
  test: (bucket, env, address) => {
    const policy = bucketSetting(env.stack, 'aws_s3_bucket_policy', address);
    const statements = policyStatements(policy?.policy, env.stack);
    if (!statements) return 'no bucket policy from a policy document';
    const arns = [`\${${address}.arn}`, `arn:aws:s3:::${String(bucket.bucket)}`];
    const coversBucketAndObjects = (s: PolicyStatement) =>
      arns.some((arn) => s.resources?.includes(arn)) && arns.some((arn) => s.resources?.includes(`${arn}/*`));
    return (
      statements.some(
        (s) =>
          s.effect === 'Deny' &&
          (s.actions ?? []).some((a) => a === 's3:*' || a === '*') &&
          deniesEveryone(s) &&
          coversBucketAndObjects(s) &&
          deniesWithoutTls(s),
      ) ||
      'no Deny of s3:* to every principal on the bucket and its objects when aws:SecureTransport is false'
    );
  },
}));
