/**
 * An alarm on AWS API calls: an EventBridge rule on the default bus matching `AWS API Call via CloudTrail` events
 * of the listed calls, published to an SNS topic of its own (encrypted with a key of its own) that mails the
 * recipients. Calls that failed (AccessDenied) are matched too: an attempt is news.
 *
 * EventBridge delivers a call's event in the region where the call was made (IAM's, a global service's, in
 * us-east-1): the alarm sees the calls of its provider's region only. The key and topic policies admit EventBridge
 * for this rule only (`aws:SourceArn`; EventBridge User Guide, "Amazon SNS permissions" and SNS Developer Guide,
 * "Enable compatibility between event sources from AWS services and encrypted topics").
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { publishOnlyOverTls, subscribeRecipients } from './alert-topic';
import { CustomerManagedKey, administratorsManageKey } from './customer-managed-key';

export const EVENTBRIDGE_SERVICE = 'events.amazonaws.com';
export const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/** Calls of one service: `eventSource` as CloudTrail records it, and the event names to match. */
export interface WatchedCalls {
  readonly eventSource: string;
  readonly eventNames: readonly string[];
  /** Match only calls whose request parameters hold one of these values (e.g. `bucketName`). @default - any */
  readonly requestParameters?: Readonly<Record<string, readonly string[]>>;
}

export interface ApiCallAlarmProps {
  /** Name of the rule, the topic and (with a `-topic` suffix) the key's alias. */
  readonly name: string;
  readonly description: string;
  readonly accountId: string;
  readonly region: string;
  readonly calls: readonly WatchedCalls[];
  readonly administratorArns: readonly string[];
  readonly recipients: { readonly emails: readonly string[]; readonly httpsEndpoints: readonly string[] };
  /** @default - the stack's default AWS provider */
  readonly provider?: TerraformProvider;
}

/** The event pattern: one `$or` branch per service (EventBridge User Guide, "Content filtering": `$or`). */
export function apiCallPattern(calls: readonly WatchedCalls[]): string {
  return JSON.stringify({
    'detail-type': [API_CALL_DETAIL_TYPE],
    $or: calls.map((c) => ({
      detail: {
        eventSource: [c.eventSource],
        eventName: [...c.eventNames],
        ...(c.requestParameters ? { requestParameters: c.requestParameters } : {}),
      },
    })),
  });
}

export class ApiCallAlarm extends Construct {
  readonly rule: CloudwatchEventRule;
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: ApiCallAlarmProps) {
    super(scope, id);
    const provider = props.provider ? { provider: props.provider } : {};
    const ruleArn = `arn:aws:events:${props.region}:${props.accountId}:rule/${props.name}`;
    const topicArn = `arn:aws:sns:${props.region}:${props.accountId}:${props.name}`;
    const fromThisRule = [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: [ruleArn] }];
    const eventBridge = [{ type: 'Service', identifiers: [EVENTBRIDGE_SERVICE] }];

    const keyPolicy = new DataAwsIamPolicyDocument(this, 'key_policy', {
      ...provider,
      statement: [
        administratorsManageKey(props.accountId, props.administratorArns),
        {
          sid: 'TheRuleEncryptsThroughSns',
          principals: eventBridge,
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
          condition: fromThisRule,
        },
      ],
    });
    const key = new CustomerManagedKey(this, 'kms', {
      description: `SNS topic ${props.name}: ${props.description}`,
      alias: `${props.name}-topic`,
      policy: keyPolicy.json,
      deletionWindowDays: 30,
      preventDestroy: true,
      ...provider,
    });
    this.topic = new SnsTopic(this, 'topic', {
      ...provider,
      name: props.name,
      displayName: props.name,
      kmsMasterKeyId: key.key.arn,
    });
    const topicPolicy = new DataAwsIamPolicyDocument(this, 'policy', {
      ...provider,
      statement: [
        {
          sid: 'TheRulePublishes',
          principals: eventBridge,
          actions: ['sns:Publish'],
          resources: [topicArn],
          condition: fromThisRule,
        },
        publishOnlyOverTls(topicArn),
      ],
    });
    new SnsTopicPolicy(this, 'topic_policy', { ...provider, arn: this.topic.arn, policy: topicPolicy.json });
    subscribeRecipients(this, this.topic.arn, props.recipients, props.provider);

    this.rule = new CloudwatchEventRule(this, 'rule', {
      ...provider,
      name: props.name,
      description: props.description,
      eventPattern: apiCallPattern(props.calls),
    });
    new CloudwatchEventTarget(this, 'target', {
      ...provider,
      rule: this.rule.name,
      targetId: 'alert-topic',
      arn: this.topic.arn,
    });
  }
}
