/**
 * An S3 bucket that keeps copies: versioned, encrypted with a customer-managed key (bucket key on, so KMS is called
 * per object rather than per request), owned by the bucket owner (no ACLs), every form of public access blocked,
 * reachable only over TLS, and with a lifecycle that (optionally) moves data to a cold class and expires old versions.
 */
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA as S3BucketVersioning } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';

export interface PrivateCopyBucketProps {
  readonly bucketName: string;
  readonly kmsKeyArn: string;
  /**
   * Days after which objects move to S3 Glacier Instant Retrieval.
   *
   * @default - they stay in S3 Standard (small objects: Glacier IR bills each as 128 KB for 90 days)
   */
  readonly coldStorageAfterDays?: number;
  /** Days a noncurrent version (an overwritten or deleted object's old data) is kept. */
  readonly noncurrentVersionDays: number;
  /** Key prefixes whose current objects expire after `noncurrentVersionDays` too (e.g. replaced-object archives). */
  readonly expiringPrefixes: readonly string[];
  /** Refuse any plan that destroys the bucket. @default false */
  readonly preventDestroy?: boolean;
  /**
   * Roles (literal ARNs) that write the copy but may never destroy its history: denied in the bucket policy, which
   * neither they nor, in production, the deploy role may change. @default - none
   */
  readonly writerRoleArns?: readonly string[];
  /** Bucket-policy statements letting AWS services deliver into the bucket (e.g. CloudTrail). @default - none */
  readonly deliveryStatements?: readonly DataAwsIamPolicyDocumentStatement[];
}

/** What destroys a versioned copy's history, or lifts the protection. */
export const DESTROYS_HISTORY = [
  's3:DeleteBucket',
  's3:DeleteBucketPolicy',
  's3:DeleteObjectVersion',
  's3:PutBucketPolicy',
  's3:PutBucketVersioning',
  's3:PutLifecycleConfiguration',
];

export const COLD_STORAGE_CLASS = 'GLACIER_IR';
const ABORT_UPLOADS_AFTER_DAYS = 7;

export class PrivateCopyBucket extends Construct {
  readonly bucket: S3Bucket;
  /** Services delivering into the bucket (`deliveryStatements`) check it when they are set up: depend on it. */
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: PrivateCopyBucketProps) {
    super(scope, id);
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      forceDestroy: false,
      ...(props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
    });
    const bucket = this.bucket.id;
    // Built from the name, so the policy document is read at plan time, not deferred to apply.
    const bucketArn = `arn:aws:s3:::${props.bucketName}`;
    new S3BucketVersioning(this, 'versioning', {
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfiguration(this, 'encryption', {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn },
          bucketKeyEnabled: true,
        },
      ],
    });
    new S3BucketOwnershipControls(this, 'ownership', {
      bucket,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    const publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public_access_block', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const policy = new DataAwsIamPolicyDocument(this, 'policy_document', {
      statement: [
        {
          sid: 'DenyRequestsWithoutTls',
          effect: 'Deny',
          principals: [{ type: 'AWS', identifiers: ['*'] }],
          actions: ['s3:*'],
          resources: [bucketArn, `${bucketArn}/*`],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
        ...(props.writerRoleArns?.length
          ? [
              {
                sid: 'WritersNeverDestroyHistory',
                effect: 'Deny',
                principals: [{ type: 'AWS', identifiers: ['*'] }],
                actions: DESTROYS_HISTORY,
                resources: [bucketArn, `${bucketArn}/*`],
                // By ARN in a condition: a principal naming a role that does not exist yet is refused by S3.
                condition: [
                  { test: 'ArnEquals', variable: 'aws:PrincipalArn', values: [...props.writerRoleArns] },
                ],
              },
            ]
          : []),
        ...(props.deliveryStatements ?? []),
      ],
    });
    // After the public access block: S3 evaluates a new policy against it.
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: policy.json,
      dependsOn: [publicAccessBlock],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: [
        {
          id: props.coldStorageAfterDays === undefined ? 'expire-noncurrent-versions' : 'cold-storage',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          ...(props.coldStorageAfterDays === undefined
            ? {}
            : { transition: [{ days: props.coldStorageAfterDays, storageClass: COLD_STORAGE_CLASS }] }),
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_UPLOADS_AFTER_DAYS }],
        },
        ...props.expiringPrefixes.map((prefix) => ({
          id: `expire-${prefix.replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}`,
          status: 'Enabled',
          filter: [{ prefix }],
          expiration: [{ days: props.noncurrentVersionDays }],
        })),
      ],
    });
  }
}
