/**
 * What an account's bootstrap stack records and pages on: a CloudTrail trail of every region, and an alarm on the
 * calls that destroy backups or keys, lift a permissions boundary, widen a trust, or blind the alarm itself
 * (docs/alerts.md, docs/threat-model.md). The production boundaries deny these calls to the deploy roles
 * (production-data-denials.ts): the alarm tells of attempts, and of administrators' own changes.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../environments/config';
import { ApiCallAlarm, type WatchedCalls } from '../constructs/api-call-alarm';
import { AuditTrail } from '../constructs/audit-trail';

export const AUDIT_TRAIL_NAME = 'account-management-events';
export const DESTRUCTIVE_CALLS_ALARM = 'destructive-api-calls';
/** Where EventBridge delivers the events of IAM, a global service. */
const GLOBAL_SERVICES_REGION = 'us-east-1';

/**
 * The calls paged on. Left out: kms:CreateGrant (RDS and AWS Backup create grants on every snapshot and copy: it
 * would page daily and teach the team to ignore the alarm).
 */
export function destructiveCalls(bucketNames: readonly string[]): WatchedCalls[] {
  return [
    { eventSource: 'kms.amazonaws.com', eventNames: ['DisableKey', 'PutKeyPolicy', 'ScheduleKeyDeletion'] },
    {
      eventSource: 'backup.amazonaws.com',
      eventNames: [
        'DeleteBackupPlan',
        'DeleteBackupSelection',
        'DeleteBackupVault',
        'DeleteBackupVaultLockConfiguration',
        'DeleteRecoveryPoint',
        'PutBackupVaultLockConfiguration',
        'UpdateRegionSettings',
      ],
    },
    {
      eventSource: 'iam.amazonaws.com',
      eventNames: [
        'CreatePolicyVersion',
        'DeleteRolePermissionsBoundary',
        'PutRolePermissionsBoundary',
        'UpdateAssumeRolePolicy',
      ],
    },
    // The alarm pages on its own removal: the trail that feeds it, its rule, its topic.
    {
      eventSource: 'cloudtrail.amazonaws.com',
      eventNames: ['DeleteTrail', 'PutEventSelectors', 'StopLogging', 'UpdateTrail'],
    },
    {
      eventSource: 'events.amazonaws.com',
      eventNames: ['DeleteRule', 'DisableRule', 'PutRule', 'RemoveTargets'],
    },
    { eventSource: 'sns.amazonaws.com', eventNames: ['DeleteTopic', 'SetTopicAttributes', 'Unsubscribe'] },
    {
      eventSource: 's3.amazonaws.com',
      eventNames: ['DeleteBucketPolicy', 'PutBucketPolicy'],
      requestParameters: { bucketName: [...bucketNames] },
    },
  ];
}

/**
 * Regions the alarm watches: the account's, IAM's, and the DR region of every environment copying recovery points
 * there (they can be deleted there, and EventBridge tells of a call only in the region where it was made).
 */
export function alarmRegions(account: readonly EnvironmentConfig[]): string[] {
  const dr = account
    .filter((env) => env.dataProtection.backup.enabled && env.dataProtection.backup.copyToDrRegion)
    .map((env) => env.dataProtection.dr.region);
  return [...new Set([account[0].aws.region, GLOBAL_SERVICES_REGION, ...dr])];
}

export interface AccountAuditProps {
  /** The environments of one account (validation guarantees they agree on `observability.auditTrail`). */
  readonly account: readonly EnvironmentConfig[];
  readonly administratorArns: readonly string[];
  /** The account's buckets whose policies guard data or state (a policy change is paged). */
  readonly guardedBucketNames: readonly string[];
  /** The default tags of the stack's providers. */
  readonly tags: Readonly<Record<string, string>>;
}

export class AccountAudit extends Construct {
  readonly trail: AuditTrail;

  constructor(scope: Construct, id: string, props: AccountAuditProps) {
    super(scope, id);
    const first = props.account[0];
    const { auditTrail } = first.observability;
    // Everyone told about any environment of the account is told about the account.
    const union = (pick: (env: EnvironmentConfig) => readonly string[]) => [
      ...new Set(props.account.flatMap(pick)),
    ];
    const recipients = {
      emails: union((env) => env.observability.recipients.emails),
      httpsEndpoints: union((env) => env.observability.recipients.httpsEndpoints),
    };
    this.trail = new AuditTrail(this, 'trail', {
      name: AUDIT_TRAIL_NAME,
      accountId: first.aws.accountId,
      region: first.aws.region,
      bucketName: auditTrail.bucketName,
      logRetentionDays: auditTrail.logRetentionDays,
      administratorArns: props.administratorArns,
    });
    const calls = destructiveCalls([...props.guardedBucketNames, auditTrail.bucketName]);
    for (const region of alarmRegions(props.account)) {
      const home = region === first.aws.region;
      const suffix = home ? '' : `_${region.replace(/-/g, '_')}`;
      new ApiCallAlarm(this, `destructive_calls${suffix}`, {
        name: DESTRUCTIVE_CALLS_ALARM,
        description: `Destructive API calls on backups, keys, boundaries and this alarm made in ${region}`,
        accountId: first.aws.accountId,
        region,
        calls,
        administratorArns: props.administratorArns,
        recipients,
        ...(home
          ? {}
          : {
              provider: new AwsProvider(this, `aws${suffix}`, {
                alias: region.replace(/-/g, '_'),
                region,
                allowedAccountIds: [first.aws.accountId],
                defaultTags: [{ tags: { ...props.tags } }],
              }),
            }),
      });
    }
  }
}
