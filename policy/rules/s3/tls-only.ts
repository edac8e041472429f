/**
 * LW-S3-003: S3 buckets refuse requests without TLS.
 */
import { referencing } from '../../aws';
import { resourceRule } from '../../rule';

interface Statement {
  effect?: string;
  condition?: { test: string; variable: string; values: string[] }[];
}

export default resourceRule({
  id: 'LW-S3-003',
  title: 'S3 buckets refuse requests without TLS',
  severity: 'high',
  mirrors: ['AwsSolutions-S10', 'S3.5'],
  rationale:
    'A bucket policy denying aws:SecureTransport = false keeps every client, misconfigured or not, on TLS.',
  types: ['aws_s3_bucket'],
  test: (_bucket, env, address) =>
    referencing(env.stack, 'aws_s3_bucket_policy', 'bucket', address).some((policy) => {
      const document = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(String(policy.policy));
      const statements = ((document && env.stack.data?.aws_iam_policy_document?.[document[1]]?.statement) ??
        []) as Statement[];
      return statements.some(
        (s) =>
          s.effect === 'Deny' &&
          (s.condition ?? []).some((c) => c.variable === 'aws:SecureTransport' && c.values.includes('false')),
      );
    }) || 'no bucket policy denying aws:SecureTransport = false',
});
