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
};

describeRules(cases);

test('every observability rule has its cases here', () => {
  const ids = policyRules.map((r) => r.id).filter((id) => id.startsWith('LW-OBS-'));
  expect(Object.keys(cases).sort()).toEqual(ids.sort());
});

test('LW-OBS-004 does not judge development', () => {
  const rule = policyRules.find((r) => r.id === 'LW-OBS-004');
  const env = variant('dev', (e) => delete e.stack.resource?.aws_db_event_subscription);
  expect(rule?.check(env as never)).toEqual([{ status: 'not-applicable' }]);
});
