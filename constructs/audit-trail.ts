/**
 * The account's CloudTrail trail: management events of every region (global services included), log files
 * validated (digest files), encrypted with a key of its own and delivered to a private, versioned bucket whose
 * policy admits CloudTrail for this trail only. The trail is also what feeds EventBridge its `AWS API Call via
 * CloudTrail` events (EventBridge User Guide, "Events from AWS services": a trail with logging enabled is required).
 *
 * Bucket and key policies follow the CloudTrail User Guide ("Amazon S3 bucket policy for CloudTrail", "Configure
 * AWS KMS key policies for CloudTrail"), with `aws:SourceArn` naming this trail.
 */
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Construct } from 'constructs';
import { CustomerManagedKey, administratorsManageKey } from './customer-managed-key';
import { PrivateCopyBucket } from './private-copy-bucket';

export const CLOUDTRAIL_SERVICE = 'cloudtrail.amazonaws.com';

export interface AuditTrailProps {
  readonly name: string;
  readonly accountId: string;
  /** The trail's home region (where it is created; it records every region). */
  readonly region: string;
  readonly bucketName: string;
  /** Days a log file (and a replaced version of one) is kept. */
  readonly logRetentionDays: number;
  /** Principals administering the trail's key; they alone may decrypt the log files. */
  readonly administratorArns: readonly string[];
}

export class AuditTrail extends Construct {
  readonly trail: Cloudtrail;
  readonly bucket: PrivateCopyBucket;
  readonly key: CustomerManagedKey;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const trailArn = `arn:aws:cloudtrail:${props.region}:${props.accountId}:trail/${props.name}`;
    this.key = this.createKey(props, trailArn);
    this.bucket = new PrivateCopyBucket(this, 'bucket', {
      bucketName: props.bucketName,
      kmsKeyArn: this.key.key.arn,
      noncurrentVersionDays: props.logRetentionDays,
      expiringPrefixes: ['AWSLogs/'],
      preventDestroy: true,
      deliveryStatements: this.deliveryStatements(props, trailArn),
    });
    this.trail = new Cloudtrail(this, 'trail', {
      name: props.name,
      s3BucketName: this.bucket.bucket.bucket,
      kmsKeyId: this.key.key.arn,
      enableLogging: true,
      enableLogFileValidation: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      // Every management event, read and write (the first copy of management events is free).
      eventSelector: [{ readWriteType: 'All', includeManagementEvents: true }],
      // CloudTrail checks the bucket policy when the trail is created.
      dependsOn: [this.bucket.policy],
    });
  }

  private createKey(props: AuditTrailProps, trailArn: string): CustomerManagedKey {
    const root = [{ type: 'AWS', identifiers: [`arn:aws:iam::${props.accountId}:root`] }];
    const thisTrail = { test: 'StringEquals', variable: 'aws:SourceArn', values: [trailArn] };
    const policy = new DataAwsIamPolicyDocument(this, 'key_policy', {
      statement: [
        administratorsManageKey(props.accountId, props.administratorArns),
        {
          sid: 'AdministratorsReadTheLogs',
          principals: root,
          actions: ['kms:Decrypt'],
          resources: ['*'],
          condition: [
            { test: 'ArnEquals', variable: 'aws:PrincipalArn', values: [...props.administratorArns] },
          ],
        },
        {
          sid: 'TheTrailEncryptsItsLogs',
          principals: [{ type: 'Service', identifiers: [CLOUDTRAIL_SERVICE] }],
          actions: ['kms:GenerateDataKey*'],
          resources: ['*'],
          condition: [
            thisTrail,
            {
              test: 'StringLike',
              variable: 'kms:EncryptionContext:aws:cloudtrail:arn',
              values: [`arn:aws:cloudtrail:*:${props.accountId}:trail/*`],
            },
          ],
        },
        {
          sid: 'TheTrailDescribesTheKey',
          principals: [{ type: 'Service', identifiers: [CLOUDTRAIL_SERVICE] }],
          actions: ['kms:DescribeKey'],
          resources: ['*'],
          condition: [thisTrail],
        },
      ],
    });
    return new CustomerManagedKey(this, 'kms', {
      description: `CloudTrail log files of trail ${props.name} in s3://${props.bucketName}`,
      alias: `${props.name}-logs`,
      policy: policy.json,
      deletionWindowDays: 30,
      preventDestroy: true,
    });
  }

  private deliveryStatements(props: AuditTrailProps, trailArn: string): DataAwsIamPolicyDocumentStatement[] {
    const bucketArn = `arn:aws:s3:::${props.bucketName}`;
    const cloudTrail = [{ type: 'Service', identifiers: [CLOUDTRAIL_SERVICE] }];
    const thisTrail = { test: 'StringEquals', variable: 'aws:SourceArn', values: [trailArn] };
    return [
      {
        sid: 'CloudTrailChecksTheBucket',
        principals: cloudTrail,
        actions: ['s3:GetBucketAcl'],
        resources: [bucketArn],
        condition: [thisTrail],
      },
      {
        sid: 'CloudTrailDeliversLogFiles',
        principals: cloudTrail,
        actions: ['s3:PutObject'],
        resources: [`${bucketArn}/AWSLogs/${props.accountId}/*`],
        condition: [
          thisTrail,
          { test: 'StringEquals', variable: 's3:x-amz-acl', values: ['bucket-owner-full-control'] },
        ],
      },
    ];
  }
}
