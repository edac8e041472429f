/**
 * A customer-managed KMS key with yearly rotation and an alias.
 */
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

export interface CustomerManagedKeyProps {
  /** What the key protects, shown in the console. */
  readonly description: string;
  /** Alias without the `alias/` prefix. */
  readonly alias: string;
  /** Key policy (JSON). */
  readonly policy: string;
  /** Waiting period before a scheduled deletion completes (7–30 days). */
  readonly deletionWindowDays: number;
  /**
   * Refuse any plan that destroys the key (everything encrypted with it would become unreadable).
   *
   * @default false
   */
  readonly preventDestroy?: boolean;
  /**
   * The AWS provider (region) the key lives in: keys are regional.
   *
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/** The key-policy statement that lets the account administer the key through IAM policies (AWS's default). */
export function accountAdministersKey(accountId: string): DataAwsIamPolicyDocumentStatement {
  return {
    sid: 'AccountAdministersKeyThroughIam',
    principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${accountId}:root`] }],
    actions: ['kms:*'],
    resources: ['*'],
  };
}

/** The key's administrative actions (no use of the key: administrators decrypt through a usage statement). */
const KEY_ADMINISTRATION = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
  'kms:RotateKeyOnDemand',
];

/**
 * The key-policy statement that lets only the named administrators manage the key: the account root is the
 * principal, narrowed by `aws:PrincipalArn`, so a recreated role keeps its access and no other principal of the
 * account can manage the key, whatever its IAM policies say.
 */
export function administratorsManageKey(
  accountId: string,
  administratorArns: readonly string[],
): DataAwsIamPolicyDocumentStatement {
  return {
    sid: 'AdministratorsManageTheKey',
    principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${accountId}:root`] }],
    actions: KEY_ADMINISTRATION,
    resources: ['*'],
    condition: [{ test: 'ArnEquals', variable: 'aws:PrincipalArn', values: [...administratorArns] }],
  };
}

export class CustomerManagedKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id);
    const provider = props.provider ? { provider: props.provider } : {};
    this.key = new KmsKey(this, 'key', {
      ...provider,
      description: props.description,
      enableKeyRotation: true,
      rotationPeriodInDays: 365,
      deletionWindowInDays: props.deletionWindowDays,
      policy: props.policy,
      ...(props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
    });
    this.alias = new KmsAlias(this, 'alias', {
      ...provider,
      name: `alias/${props.alias}`,
      targetKeyId: this.key.keyId,
    });
  }
}
