/**
 * The SNS topic alarms and RDS events are published to: encrypted with a customer-managed key, published to only by
 * CloudWatch alarms and RDS events of this environment (over TLS), delivered to the configured recipients.
 *
 * Publishers need the key too: `alertTopicKeyStatements` are the key-policy statements SNS's documentation gives for
 * AWS services publishing to an encrypted topic (SNS Developer Guide, "Enable compatibility between event sources
 * from AWS services and encrypted topics").
 */
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

export const ALARM_PUBLISHER = 'cloudwatch.amazonaws.com';
export const RDS_EVENT_PUBLISHER = 'events.rds.amazonaws.com';

export interface AlertTopicProps {
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly kmsKeyArn: string;
  /** CloudWatch alarms whose names start with this may publish. */
  readonly alarmNamePrefix: string;
  /** RDS resources (ARNs, `*` wildcards allowed) whose events may be published. */
  readonly rdsSourceArns: readonly string[];
  readonly emails: readonly string[];
  readonly httpsEndpoints: readonly string[];
}

/** Key-policy statements letting the publishers use the key through SNS (they cannot publish otherwise). */
export function alertTopicKeyStatements(): DataAwsIamPolicyDocumentStatement[] {
  return [
    {
      sid: 'AlertPublishersEncryptThroughSns',
      principals: [{ type: 'Service', identifiers: [ALARM_PUBLISHER, RDS_EVENT_PUBLISHER] }],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    },
  ];
}

/** The topic-policy statement refusing publications without TLS. */
export function publishOnlyOverTls(topicArn: string): DataAwsIamPolicyDocumentStatement {
  return {
    sid: 'PublishOnlyOverTls',
    effect: 'Deny',
    principals: [{ type: '*', identifiers: ['*'] }],
    actions: ['sns:Publish'],
    resources: [topicArn],
    condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
  };
}

const subscriptionId = (protocol: string, endpoint: string) =>
  `${protocol}_${endpoint.replace(/^https:\/\//, '').replace(/[^A-Za-z0-9]+/g, '_')}`;

/** Subscribes every email address and HTTPS endpoint to the topic (ids from the endpoint: stable per recipient). */
export function subscribeRecipients(
  scope: Construct,
  topicArn: string,
  recipients: { readonly emails: readonly string[]; readonly httpsEndpoints: readonly string[] },
  /** The topic's region's provider. @default - the stack's default AWS provider */
  provider?: TerraformProvider,
): void {
  const inRegion = provider ? { provider } : {};
  for (const email of recipients.emails) {
    new SnsTopicSubscription(scope, subscriptionId('email', email), {
      ...inRegion,
      topicArn,
      protocol: 'email',
      endpoint: email,
    });
  }
  for (const url of recipients.httpsEndpoints) {
    new SnsTopicSubscription(scope, subscriptionId('https', url), {
      ...inRegion,
      topicArn,
      protocol: 'https',
      endpoint: url,
      endpointAutoConfirms: true,
    });
  }
}

export class AlertTopic extends Construct {
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    this.topic = new SnsTopic(this, 'topic', {
      name: props.name,
      displayName: props.name,
      kmsMasterKeyId: props.kmsKeyArn,
    });
    const policy = new DataAwsIamPolicyDocument(this, 'policy', {
      statement: this.publisherStatements(props),
    });
    new SnsTopicPolicy(this, 'topic_policy', { arn: this.topic.arn, policy: policy.json });

    subscribeRecipients(this, this.topic.arn, props);
  }

  /** Built from the topic's ARN as config knows it, so the document is read at plan time, not deferred to apply. */
  private publisherStatements(props: AlertTopicProps): DataAwsIamPolicyDocumentStatement[] {
    const account = { test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] };
    const topicArn = `arn:aws:sns:${props.region}:${props.accountId}:${props.name}`;
    const publish = { actions: ['sns:Publish'], resources: [topicArn] };
    return [
      {
        sid: 'CloudWatchAlarmsOfThisEnvironmentPublish',
        principals: [{ type: 'Service', identifiers: [ALARM_PUBLISHER] }],
        ...publish,
        condition: [
          {
            test: 'ArnLike',
            variable: 'aws:SourceArn',
            values: [`arn:aws:cloudwatch:${props.region}:${props.accountId}:alarm:${props.alarmNamePrefix}*`],
          },
          account,
        ],
      },
      {
        sid: 'RdsEventsOfThisEnvironmentPublish',
        principals: [{ type: 'Service', identifiers: [RDS_EVENT_PUBLISHER] }],
        ...publish,
        condition: [
          { test: 'ArnLike', variable: 'aws:SourceArn', values: [...props.rdsSourceArns] },
          account,
        ],
      },
      publishOnlyOverTls(topicArn),
    ];
  }
}
