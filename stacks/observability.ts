/**
 * Observability layer, AWS side: the environment's alert topic, the RDS alarms (thresholds derived in
 * constructs/database-alarms.ts from the instance class, the storage and the connection budget), the RDS event
 * subscriptions and the database dashboard. Nothing here references a non-AWS resource, so the whole layer plans
 * offline with the AWS provider alone.
 *
 * In-cluster monitoring (exporters, scrape policies, Prometheus rules) lives with the cluster layer:
 * stacks/cluster-monitoring.ts.
 */
import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DbEventSubscription } from '@cdktf/provider-aws/lib/db-event-subscription';
import { Construct } from 'constructs';
import { AlertTopic } from '../constructs/alert-topic';
import type { ConnectionBudget } from '../constructs/connection-budget';
import { planDatabaseAlarms, type DatabaseAlarmPlan, type PlannedAlarm } from '../constructs/database-alarms';
import { databaseDashboardBody } from '../constructs/database-dashboard';
import type { AwsTarget } from '../environments/config';
import type { DatabaseConfig } from '../environments/parts/database';
import type { ObservabilityConfig } from '../environments/parts/observability';
import type { DatabaseOutputs } from './database';

export interface ObservabilityLayerProps {
  readonly aws: AwsTarget;
  /** The instance class and storage the thresholds are derived from. */
  readonly database: DatabaseConfig;
  readonly databaseOutputs: DatabaseOutputs;
  /** The connection budget of PgBouncer's pools and the monitoring role (cluster layer). */
  readonly connectionBudget: ConnectionBudget;
  readonly observability: ObservabilityConfig;
}

export interface ObservabilityOutputs {
  readonly alertTopicArn: string;
  readonly plan: DatabaseAlarmPlan;
}

/** RDS event categories of the instance that page: it is down, failing over, short of storage, or being changed. */
export const INSTANCE_EVENT_CATEGORIES = [
  'availability',
  'configuration change',
  'failover',
  'failure',
  'low storage',
  'maintenance',
  'notification',
];

/** The alert topic's name; the environment key's policy names its publishers before the topic exists. */
export const alertTopicName = (identifier: string): string => `${identifier}-alerts`;

const alarmName = (identifier: string, alarm: PlannedAlarm) =>
  `${identifier}-${alarm.key.replace(/_/g, '-')}`;

export class ObservabilityLayer extends Construct {
  readonly outputs: ObservabilityOutputs;

  constructor(scope: Construct, id: string, props: ObservabilityLayerProps) {
    super(scope, id);
    const { aws, database: db, databaseOutputs: instance } = props;
    const identifier = instance.identifier;
    const rds = `arn:aws:rds:${aws.region}:${aws.accountId}`;

    const alerts = new AlertTopic(this, 'alerts', {
      name: alertTopicName(identifier),
      accountId: aws.accountId,
      region: aws.region,
      kmsKeyArn: instance.kmsKeyArn,
      alarmNamePrefix: `${identifier}-`,
      rdsSourceArns: [`${rds}:db:${identifier}`, `${rds}:pg:${identifier}-*`],
      ...props.observability.recipients,
    });
    const topicArn = alerts.topic.arn;

    const plan = planDatabaseAlarms({
      instanceClass: db.instanceClass,
      allocatedStorageGiB: db.allocatedStorageGiB,
      maxAllocatedStorageGiB: db.maxAllocatedStorageGiB,
      maxConnections: instance.maxConnections,
      budget: props.connectionBudget,
      policy: props.observability.alarms,
    });
    this.defineAlarms(identifier, plan.alarms, topicArn);
    this.subscribeToEvents(instance, topicArn);

    new CloudwatchDashboard(this, 'dashboard', {
      dashboardName: `${identifier}-database`,
      dashboardBody: databaseDashboardBody({
        region: aws.region,
        identifier,
        alarms: plan.alarms,
        alarmArns: plan.alarms.map(
          (a) => `arn:aws:cloudwatch:${aws.region}:${aws.accountId}:alarm:${alarmName(identifier, a)}`,
        ),
      }),
    });

    this.outputs = { alertTopicArn: topicArn, plan };
  }

  /** One alarm per planned metric; ALARM and OK both reach the topic, so a page is followed by its all-clear. */
  private defineAlarms(identifier: string, alarms: readonly PlannedAlarm[], topicArn: string): void {
    for (const alarm of alarms) {
      new CloudwatchMetricAlarm(this, `alarm_${alarm.key}`, {
        alarmName: alarmName(identifier, alarm),
        alarmDescription: `${alarm.metric} ${alarm.shown} | why: ${alarm.why} | first check: ${alarm.firstCheck}`,
        namespace: 'AWS/RDS',
        metricName: alarm.metric,
        dimensions: { DBInstanceIdentifier: identifier },
        statistic: alarm.statistic,
        comparisonOperator: alarm.comparison,
        threshold: alarm.threshold,
        period: alarm.periodSeconds,
        evaluationPeriods: alarm.evaluationPeriods,
        datapointsToAlarm: alarm.evaluationPeriods,
        treatMissingData: alarm.missingData,
        actionsEnabled: true,
        alarmActions: [topicArn],
        okActions: [topicArn],
      });
    }
  }

  /** Instance events (availability, failover, …) and parameter-group changes, straight from RDS. */
  private subscribeToEvents(instance: DatabaseOutputs, topicArn: string): void {
    new DbEventSubscription(this, 'instance_events', {
      name: `${instance.identifier}-instance-events`,
      snsTopic: topicArn,
      sourceType: 'db-instance',
      sourceIds: [instance.identifier],
      eventCategories: INSTANCE_EVENT_CATEGORIES,
      enabled: true,
      // RDS refuses a subscription to an instance that does not exist yet.
      dependsOn: [instance.instance],
    });
    new DbEventSubscription(this, 'parameter_group_events', {
      name: `${instance.identifier}-parameter-group-events`,
      snsTopic: topicArn,
      sourceType: 'db-parameter-group',
      sourceIds: [instance.parameterGroupName],
      eventCategories: ['configuration change'],
      enabled: true,
    });
  }
}
