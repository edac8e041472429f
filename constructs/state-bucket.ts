/**
 * The Terraform state bucket of an account: versioned, encrypted with its own customer-managed key, private,
 * reachable only over TLS ≥ 1.2, readable only by the principals named in its props, and guarded against deletion.
 * Replaced state versions expire after a recovery window.
 */
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { CustomerManagedKey, administratorsManageKey } from './customer-managed-key';

export interface StateBucketProps {
  readonly accountId: string;
  readonly bucketName: string;
  /** Alias of the bucket's key, with the `alias/` prefix. */
  readonly kmsKeyAlias: string;
  readonly noncurrentVersionExpirationDays: number;
  /** Principals administering the key; they may also read and write the state. */
  readonly administratorArns: readonly string[];
  /** Roles that read (and, per their own policies, write) state objects: the plan and deploy roles. */
  readonly stateRoleArns: readonly string[];
}

export class StateBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly key: CustomerManagedKey;
  /** Built from the name, so policies naming the bucket are known at plan time. */
  readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    this.bucketArn = `arn:aws:s3:::${props.bucketName}`;
    this.key = this.createKey(props);
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
    this.protectObjects();
    this.expireReplacedVersions(props.noncurrentVersionExpirationDays);
    this.restrictAccess(props);
  }

  /**
   * The account root is the principal of every statement, narrowed by `aws:PrincipalArn` (see
   * `administratorsManageKey`): no one else in the account can use the key, whatever their IAM policies say.
   */
  private createKey(props: StateBucketProps): CustomerManagedKey {
    const root = [{ type: 'AWS', identifiers: [`arn:aws:iam::${props.accountId}:root`] }];
    const only = (arns: readonly string[]) => [
      { test: 'ArnEquals', variable: 'aws:PrincipalArn', values: [...arns] },
    ];
    const policy = new DataAwsIamPolicyDocument(this, 'key_policy', {
      statement: [
        administratorsManageKey(props.accountId, props.administratorArns),
        {
          sid: 'StateReadersUseTheKeyThroughS3',
          principals: root,
          actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
          resources: ['*'],
          condition: [
            ...only([...props.administratorArns, ...props.stateRoleArns]),
            { test: 'StringEquals', variable: 'kms:CallerAccount', values: [props.accountId] },
          ],
        },
      ],
    });
    return new CustomerManagedKey(this, 'kms', {
      description: `Terraform state in s3://${props.bucketName}`,
      alias: props.kmsKeyAlias.replace(/^alias\//, ''),
      policy: policy.json,
      deletionWindowDays: 30,
      preventDestroy: true,
    });
  }

  private protectObjects(): void {
    new S3BucketVersioningA(this, 'versioning', {
      bucket: this.bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: this.bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.key.key.arn },
          bucketKeyEnabled: true,
        },
      ],
    });
    new S3BucketPublicAccessBlock(this, 'public_access_block', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    // ACLs off: the bucket policy alone decides who reads state.
    new S3BucketOwnershipControls(this, 'ownership', {
      bucket: this.bucket.id,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
  }

  private expireReplacedVersions(days: number): void {
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: this.bucket.id,
      rule: [
        {
          id: 'expire-replaced-state-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: days }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
        {
          id: 'remove-expired-delete-markers',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ expiredObjectDeleteMarker: true }],
        },
      ],
    });
  }

  private restrictAccess(props: StateBucketProps): void {
    const everyone = [{ type: '*', identifiers: ['*'] }];
    const bucketAndObjects = [this.bucketArn, `${this.bucketArn}/*`];
    const policy = new DataAwsIamPolicyDocument(this, 'bucket_policy', {
      statement: [
        {
          sid: 'DenyInsecureTransport',
          effect: 'Deny',
          principals: everyone,
          actions: ['s3:*'],
          resources: bucketAndObjects,
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
        {
          sid: 'DenyTlsOlderThan12',
          effect: 'Deny',
          principals: everyone,
          actions: ['s3:*'],
          resources: bucketAndObjects,
          condition: [{ test: 'NumericLessThan', variable: 's3:TlsVersion', values: ['1.2'] }],
        },
        {
          // Terraform's S3 backend sends aws:kms with the state key (kms_key_id) for state and lock file alike.
          sid: 'DenyUploadsNotEncryptedWithKms',
          effect: 'Deny',
          principals: everyone,
          actions: ['s3:PutObject'],
          resources: [`${this.bucketArn}/*`],
          condition: [
            { test: 'StringNotEquals', variable: 's3:x-amz-server-side-encryption', values: ['aws:kms'] },
          ],
        },
        {
          sid: 'DenyStateAccessToOthers',
          effect: 'Deny',
          principals: everyone,
          actions: [
            's3:GetObject',
            's3:GetObjectVersion',
            's3:PutObject',
            's3:DeleteObject',
            's3:DeleteObjectVersion',
          ],
          resources: [`${this.bucketArn}/*`],
          condition: [
            {
              test: 'ArnNotEquals',
              variable: 'aws:PrincipalArn',
              values: [...props.administratorArns, ...props.stateRoleArns],
            },
          ],
        },
      ],
    });
    new S3BucketPolicy(this, 'policy', { bucket: this.bucket.id, policy: policy.json });
  }
}
