/**
 * LW-OBS-003: Alert topics refuse publishers that do not use TLS.
 */
import { get } from '../../../synth/synthesized-environment';
import { stackRule } from '../../rule';

interface Statement {
  readonly effect?: string;
  readonly actions?: readonly string[];
  readonly condition?: readonly { test?: string; variable?: string; values?: readonly string[] }[];
}

/** A Deny of sns:Publish when aws:SecureTransport is false. */
function deniesPlainPublish(statement: Statement): boolean {
  return (
    statement.effect === 'Deny' &&
    (statement.actions ?? []).some((a) => ['sns:Publish', 'sns:*', '*'].includes(a)) &&
    (statement.condition ?? []).some(
      (c) => c.test === 'Bool' && c.variable === 'aws:SecureTransport' && (c.values ?? []).includes('false'),
    )
  );
}

export default stackRule('LW-OBS-003', () => ({
  title: 'Alert topics refuse publishers that do not use TLS',
  severity: 'low',
  mirrors: ['AwsSolutions-SNS3'],
  relation:
    'stricter: requires the Deny even on an encrypted topic; the rule lets a topic with a KMS key pass without it',
  rationale:
    'A Deny on aws:SecureTransport = false makes a plain-HTTP publish fail instead of crossing the network readable.',
  when: ['aws_sns_topic_policy'],
  test: (env) => {
    const documents = Object.entries(env.stack.data?.aws_iam_policy_document ?? {});
    const policies = Object.entries(env.stack.resource?.aws_sns_topic_policy ?? {});
    for (const [name, policy] of policies) {
      const ref = /data\.aws_iam_policy_document\.([\w-]+)\.json/.exec(String(policy.policy))?.[1];
      const document = documents.find(([id]) => id === ref)?.[1];
      const statements = (get(document, 'statement') ?? []) as Statement[];
      if (!statements.some(deniesPlainPublish))
        return { verdict: 'no Deny of sns:Publish without TLS', address: `aws_sns_topic_policy.${name}` };
    }
    return { verdict: true, address: `aws_sns_topic_policy.${policies[0]?.[0]}` };
  },
}));
