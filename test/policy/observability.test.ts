/**
 * Policy rules over the alerting resources: alarm actions, the alert topic's encryption and TLS-only policy, and the
 * RDS event subscriptions of production.
 */
import { policyRules } from '../../policy';
import type { Block } from '../../synth/terraform-json';
import { describeRules, resource, variant, type MutableEnvironment, type RuleCase } from './support';

const ALARM = 'observability_alarm_database_connections';
const alarm = (e: MutableEnvironment) => resource(e.stack, 'aws_cloudwatch_metric_alarm', ALARM);
const topic = (e: MutableEnvironment) => resource(e.stack, 'aws_sns_topic');
const topicStatements = (e: MutableEnvironment) =>
  (e.stack.data?.aws_iam_policy_document?.observability_alerts_policy as { statement: Block[] }).statement;
const subscription = (e: MutableEnvironment, name: string) =>
  resource(e.stack, 'aws_db_event_subscription', name);
const denyStatement = (e: MutableEnvironment) => topicStatements(e).find((s) => s.effect === 'Deny') as Block;
const dropResource = (e: MutableEnvironment, type: string, name: string) =>
  delete e.stack.resource?.[type]?.[name];
/** Every block of a type (the destructive-call alarm exists once per watched region). */
const everyBlock = (e: MutableEnvironment, type: string) => Object.values(e.stack.resource?.[type] ?? {});
const trail = (e: MutableEnvironment) => resource(e.stack, 'aws_cloudtrail');
const withoutEventName = (name: string) => (e: MutableEnvironment) => {
  for (const rule of everyBlock(e, 'aws_cloudwatch_event_rule'))
    rule.event_pattern = String(rule.event_pattern).replace(new RegExp(`"${name}",?`), '');
};

const cases: Record<string, RuleCase> = {
  'LW-OBS-001': {
    nonCompliant: (e) => delete alarm(e).ok_actions,
    address: `aws_cloudwatch_metric_alarm.${ALARM}`,
    alsoNonCompliant: {
      'no alarm action': (e) => (alarm(e).alarm_actions = []),
      'actions disabled': (e) => (alarm(e).actions_enabled = false),
    },
  },
  'LW-OBS-002': {
    nonCompliant: (e) => delete topic(e).kms_master_key_id,
    address: 'aws_sns_topic.observability_alerts_topic',
    alsoNonCompliant: {
      'the AWS-managed key': (e) => (topic(e).kms_master_key_id = 'alias/aws/sns'),
      'an empty key id': (e) => (topic(e).kms_master_key_id = ''),
    },
  },
  'LW-OBS-003': {
    nonCompliant: (e) => {
      const statements = topicStatements(e);
      statements.splice(
        statements.findIndex((s) => s.effect === 'Deny'),
        1,
      );
    },
    address: 'aws_sns_topic_policy.observability_alerts_topic_policy',
    alsoNonCompliant: {
      'a Deny on another condition': (e) => {
        const deny = topicStatements(e).find((s) => s.effect === 'Deny') as Block;
        deny.condition = [{ test: 'Bool', variable: 'aws:MultiFactorAuthPresent', values: ['false'] }];
      },
      'a Deny of another action': (e) => (denyStatement(e).actions = ['sns:Subscribe']),
      'an Allow instead of the Deny': (e) => (denyStatement(e).effect = 'Allow'),
      'a Deny conditioned on TLS being used': (e) =>
        (denyStatement(e).condition = [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['true'] }]),
    },
    alsoCompliant: {
      'a Deny of every SNS action': (e) => (denyStatement(e).actions = ['sns:*']),
      'a Deny of every action': (e) => (denyStatement(e).actions = ['*']),
    },
  },
  'LW-OBS-004': {
    nonCompliant: (e) => {
      const s = subscription(e, 'observability_instance_events');
      s.event_categories = (s.event_categories as string[]).filter((c) => c !== 'failover');
    },
    address: 'aws_db_instance.database_instance',
    alsoNonCompliant: {
      'no parameter group subscription': (e) =>
        dropResource(e, 'aws_db_event_subscription', 'observability_parameter_group_events'),
      'a disabled instance subscription': (e) =>
        (subscription(e, 'observability_instance_events').enabled = false),
      'a subscription to another instance': (e) =>
        (subscription(e, 'observability_instance_events').source_ids = ['another-instance']),
      'an instance subscription of another source type': (e) =>
        (subscription(e, 'observability_instance_events').source_type = 'db-cluster'),
      'a parameter group subscription without configuration changes': (e) =>
        (subscription(e, 'observability_parameter_group_events').event_categories = ['notification']),
      'a parameter group subscription to another group': (e) =>
        (subscription(e, 'observability_parameter_group_events').source_ids = ['another-group']),
      'a disabled parameter group subscription': (e) =>
        (subscription(e, 'observability_parameter_group_events').enabled = false),
    },
    alsoCompliant: {
      'every category (none listed)': (e) =>
        delete subscription(e, 'observability_instance_events').event_categories,
    },
  },
  'LW-OBS-005': {
    base: 'bootstrap-prod',
    nonCompliant: (e) => (trail(e).enable_logging = false),
    address: 'aws_cloudtrail.audit_trail_trail',
    alsoNonCompliant: {
      'no trail': (e) => delete e.stack.resource?.aws_cloudtrail,
      'log file validation off': (e) => (trail(e).enable_log_file_validation = false),
      'a single-region trail': (e) => (trail(e).is_multi_region_trail = false),
      'the rule misses ScheduleKeyDeletion': withoutEventName('ScheduleKeyDeletion'),
      'the rule misses StopLogging': withoutEventName('StopLogging'),
      'the rule disabled': (e) => {
        for (const rule of everyBlock(e, 'aws_cloudwatch_event_rule')) rule.state = 'DISABLED';
      },
      'a rule on other events than API calls': (e) => {
        for (const rule of everyBlock(e, 'aws_cloudwatch_event_rule'))
          rule.event_pattern = String(rule.event_pattern).replace(
            'AWS API Call via CloudTrail',
            'Scheduled Event',
          );
      },
      'the topic unencrypted': (e) => {
        for (const topic of everyBlock(e, 'aws_sns_topic')) delete topic.kms_master_key_id;
      },
      'the topic on the AWS-managed key': (e) => {
        for (const topic of everyBlock(e, 'aws_sns_topic')) topic.kms_master_key_id = 'alias/aws/sns';
      },
      'nobody subscribed': (e) => delete e.stack.resource?.aws_sns_topic_subscription,
      'the rule has no target': (e) => delete e.stack.resource?.aws_cloudwatch_event_target,
    },
    alsoCompliant: {
      'the names listed without $or': (e) => {
        for (const rule of everyBlock(e, 'aws_cloudwatch_event_rule')) {
          const pattern = JSON.parse(String(rule.event_pattern)) as {
            $or: { detail: { eventName: string[] } }[];
          };
          rule.event_pattern = JSON.stringify({
            'detail-type': ['AWS API Call via CloudTrail'],
            detail: { eventName: pattern.$or.flatMap((branch) => branch.detail.eventName) },
          });
        }
      },
    },
  },
};

describeRules(cases);

test('every observability rule has its cases here', () => {
  const ids = policyRules.map((r) => r.id).filter((id) => id.startsWith('LW-OBS-'));
  expect(Object.keys(cases).sort()).toEqual(ids.sort());
});

test('LW-OBS-005 judges the accounts (bootstrap stacks), not the environment stacks', () => {
  const rule = policyRules.find((r) => r.id === 'LW-OBS-005');
  expect(rule?.check(variant('prod') as never)).toEqual([{ status: 'not-applicable' }]);
  expect(rule?.check(variant('bootstrap-dev') as never)).toEqual([
    { status: 'pass', address: 'aws_cloudwatch_event_rule.audit_destructive_calls_rule' },
  ]);
});

test('LW-OBS-004 does not judge development', () => {
  const rule = policyRules.find((r) => r.id === 'LW-OBS-004');
  const env = variant('dev', (e) => delete e.stack.resource?.aws_db_event_subscription);
  expect(rule?.check(env as never)).toEqual([{ status: 'not-applicable' }]);
});
