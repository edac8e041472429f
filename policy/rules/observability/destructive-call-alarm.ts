/**
 * LW-OBS-005: Every account has a trail with log validation whose destructive-call rule pages an encrypted topic.
 */
import { referencing } from '../../aws';
import { blocksOf } from '../../../synth/synthesized-environment';
import type { Block } from '../../../synth/terraform-json';
import { stackRule } from '../../rule';

/**
 * The calls that destroy backups or keys, lift a boundary or a trust, or blind the trail: named here, not imported
 * from stacks/, because the rule judges that code.
 */
export const DESTRUCTIVE_EVENT_NAMES = [
  'ScheduleKeyDeletion',
  'DisableKey',
  'PutKeyPolicy',
  'DeleteBackupVaultLockConfiguration',
  'PutBackupVaultLockConfiguration',
  'DeleteRecoveryPoint',
  'DeleteBackupVault',
  'DeleteRolePermissionsBoundary',
  'PutRolePermissionsBoundary',
  'UpdateAssumeRolePolicy',
  'StopLogging',
  'DeleteTrail',
];

interface Pattern {
  readonly 'detail-type'?: readonly string[];
  readonly detail?: { readonly eventName?: readonly string[] };
  readonly $or?: readonly Pattern[];
}

/** Event names a pattern matches, in its `detail` or any `$or` branch. */
function eventNames(pattern: Pattern): string[] {
  return [...(pattern.detail?.eventName ?? []), ...(pattern.$or ?? []).flatMap(eventNames)];
}

function parsePattern(rule: Block): Pattern {
  try {
    return JSON.parse(String(rule.event_pattern ?? '{}')) as Pattern;
  } catch {
    return {};
  }
}

const isLoggingTrail = (trail: Block) =>
  trail.is_multi_region_trail === true &&
  trail.enable_log_file_validation === true &&
  trail.enable_logging !== false &&
  trail.include_global_service_events !== false;

/** Whether the rule publishes to a customer-key-encrypted topic someone subscribes to. */
function pagesSomeone(env: { stack: Parameters<typeof blocksOf>[0] }, ruleAddress: string): boolean {
  const targets = referencing(env.stack, 'aws_cloudwatch_event_target', 'rule', ruleAddress);
  return blocksOf(env.stack, ['aws_sns_topic']).some(
    ([topicAddress, topic]) =>
      targets.some((t) => String(t.arn).startsWith(`\${${topicAddress}.`)) &&
      typeof topic.kms_master_key_id === 'string' &&
      topic.kms_master_key_id !== '' &&
      topic.kms_master_key_id !== 'alias/aws/sns' &&
      referencing(env.stack, 'aws_sns_topic_subscription', 'topic_arn', topicAddress).length > 0,
  );
}

export default stackRule('LW-OBS-005', () => ({
  title:
    'Every account has a multi-region trail with log validation, and a rule on destructive calls that publishes to an encrypted topic with a subscription',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'The deploy roles are denied destroying backups and keys; an attempt (a stolen role, a rewritten workflow) or an administrator’s change must still reach a person. EventBridge sees API calls only through a logging trail, and a topic nobody subscribes to tells nobody. No scanner equivalent: scanners judge a trail’s flags one by one (not cited here yet), none asks for the alarm.',
  // The bootstrap stack of an account: the one holding the GitHub OIDC provider.
  when: ['aws_iam_openid_connect_provider'],
  test: (env) => {
    const trails = blocksOf(env.stack, ['aws_cloudtrail']);
    if (!trails.some(([, t]) => isLoggingTrail(t)))
      return { verdict: 'no multi-region trail logging with log file validation', address: trails[0]?.[0] };
    const rules = blocksOf(env.stack, ['aws_cloudwatch_event_rule']).filter(
      ([, r]) =>
        r.state !== 'DISABLED' &&
        (parsePattern(r)['detail-type'] ?? []).includes('AWS API Call via CloudTrail'),
    );
    const complete = rules.filter(([, r]) => {
      const names = eventNames(parsePattern(r));
      return DESTRUCTIVE_EVENT_NAMES.every((n) => names.includes(n));
    });
    if (complete.length === 0) {
      const best = rules.map(([a, r]) => [a, eventNames(parsePattern(r))] as const)[0];
      const missing = DESTRUCTIVE_EVENT_NAMES.filter((n) => !(best?.[1] ?? []).includes(n));
      return { verdict: `no enabled API-call rule matching ${missing.join(', ')}`, address: best?.[0] };
    }
    const paging = complete.find(([address]) => pagesSomeone(env, address));
    return {
      verdict:
        paging !== undefined || 'the destructive-call rule publishes to no encrypted, subscribed topic',
      address: (paging ?? complete[0])[0],
    };
  },
}));
