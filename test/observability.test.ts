/**
 * Observability, as synthesized: thresholds computed from each environment's own numbers (recomputed here from the
 * config and the class facts, never typed), every alarm wired to the encrypted topic, events subscribed, the dashboard
 * drawing every alarm; in the cluster, the exporters and the policies that admit only Prometheus.
 */
import { planDatabaseAlarms, unalarmedMetrics } from '../constructs/database-alarms';
import { classPerformance } from '../constructs/rds-class-performance';
import {
  findInstanceClass,
  RDS_RESERVED_CONNECTIONS,
  supportedInstanceClasses,
} from '../constructs/rds-instance-classes';
import { connectionBudgetOf } from '../environments/connection-budget';
import type { EnvironmentConfig } from '../environments/config';
import { environments } from '../environments';
import { dev } from '../environments/dev';
import { INSTANCE_EVENT_CATEGORIES } from '../stacks/observability';
import { resourcesOfType, type Block } from '../synth/terraform-json';
import { synthEnvironment, withChange } from './support/synth';

const GIB = 1024 ** 3;
const TOPIC = '${aws_sns_topic.observability_alerts_topic.arn}';

const alarmsOf = (env: EnvironmentConfig) =>
  new Map(
    Object.values(resourcesOfType(synthEnvironment(env), 'aws_cloudwatch_metric_alarm')).map((a) => [
      String(a.metric_name),
      a,
    ]),
  );

describe.each(environments.map((env) => [env.name, env] as const))('alarms of %s', (_name, env) => {
  const alarms = alarmsOf(env);
  const { alarms: policy } = env.observability;
  const memoryBytes = (findInstanceClass(env.database.instanceClass)?.memoryGiB ?? 0) * GIB;

  test('the connections alarm fires at saturationShare of the connection budget: transaction and session pools, and the monitoring role', () => {
    const pg = env.cluster.pgbouncer;
    const maxConnections = env.database.parameters.maxConnections;
    const available = maxConnections - RDS_RESERVED_CONNECTIONS - pg.connectionHeadroom;
    const budget = connectionBudgetOf(env);
    expect(budget.available).toBe(available);
    expect(budget.needed).toBe(
      pg.replicas *
        env.databaseAccess.roles.filter((r) => r.login).length *
        (pg.defaultPoolSize + pg.reservePoolSize + pg.sessionPoolSize) +
        env.databaseAccess.monitoringRole.connectionLimit,
    );
    expect(alarms.get('DatabaseConnections')?.threshold).toBe(Math.ceil(policy.saturationShare * available));
    // The synthesized alarm read the same budget (the cluster layer's), session pools included.
    expect(alarms.get('DatabaseConnections')?.alarm_description).toContain(
      `(${budget.needed} when all are full`,
    );
    // Below max_connections − reserved: the alarm fires while non-superusers can still log in.
    expect(Number(alarms.get('DatabaseConnections')?.threshold)).toBeLessThan(
      maxConnections - RDS_RESERVED_CONNECTIONS,
    );
  });

  test('memory and swap alarms sit at reserveShare of the class memory', () => {
    expect(alarms.get('FreeableMemory')?.threshold).toBe(Math.round(policy.reserveShare * memoryBytes));
    expect(alarms.get('SwapUsage')?.threshold).toBe(Math.round(policy.reserveShare * memoryBytes));
  });

  test('free storage fires below where autoscaling starts at the first allocation, shown against the ceiling', () => {
    const free = alarms.get('FreeStorageSpace') as Block;
    expect(free.threshold).toBe(0.1 * env.database.allocatedStorageGiB * GIB);
    expect(free.alarm_description).toContain(`of the ${env.database.maxAllocatedStorageGiB} GiB ceiling`);
  });

  test('CPU credits (burstable classes) at reserveShare of 24 h of earnings; CPU at saturationShare', () => {
    const perf = classPerformance(env.database.instanceClass);
    expect(alarms.get('CPUUtilization')?.threshold).toBe(policy.saturationShare * 100);
    if (perf.cpuCreditsPerHour)
      expect(alarms.get('CPUCreditBalance')?.threshold).toBeCloseTo(
        policy.reserveShare * 24 * perf.cpuCreditsPerHour,
        6,
      );
    else expect(alarms.has('CPUCreditBalance')).toBe(false);
  });

  test("queue depth by Little's law from gp3's baseline and latency bound", () => {
    expect(alarms.get('DiskQueueDepth')?.threshold).toBe(3000 * 0.01);
    expect(alarms.get('ReadLatency')?.threshold).toBe(0.01);
    expect(alarms.get('WriteLatency')?.threshold).toBe(0.01);
  });

  test('every alarm pages the topic on ALARM and OK, watches this instance and explains itself', () => {
    expect(alarms.size).toBeGreaterThanOrEqual(9);
    for (const alarm of alarms.values()) {
      expect(alarm).toEqual(
        expect.objectContaining({
          namespace: 'AWS/RDS',
          dimensions: { DBInstanceIdentifier: env.database.identifier },
          actions_enabled: true,
          alarm_actions: [TOPIC],
          ok_actions: [TOPIC],
          evaluation_periods: alarm.datapoints_to_alarm,
        }),
      );
      expect(String(alarm.alarm_name)).toMatch(new RegExp(`^${env.database.identifier}-`));
      expect(String(alarm.alarm_description)).toMatch(/ \| why: .{20,} \| first check: .{10,}$/);
      expect(String(alarm.alarm_description).length).toBeLessThanOrEqual(1024);
      expect(['notBreaching', 'missing']).toContain(alarm.treat_missing_data);
      expect(Number(alarm.evaluation_periods) * Number(alarm.period)).toBeGreaterThanOrEqual(
        policy.sustainMinutes * 60,
      );
    }
  });
});

describe('alarm plan across classes', () => {
  const plan = (instanceClass: string) =>
    planDatabaseAlarms({
      instanceClass,
      allocatedStorageGiB: 500,
      maxAllocatedStorageGiB: 1000,
      maxConnections: 500,
      budget: { needed: 100, available: 200, fits: true, arithmetic: '' },
      policy: dev.observability.alarms,
    });

  test('a class without CPU credits gets no credit alarm, and says why', () => {
    expect(plan('db.m6g.large').alarms.map((a) => a.metric)).not.toContain('CPUCreditBalance');
    expect(unalarmedMetrics('db.m6g.large', 'gp3').map((u) => u.metric)).toEqual([
      'CPUCreditBalance',
      'BurstBalance',
    ]);
  });

  test('gp3 from 400 GiB has a 12,000 IOPS baseline: the queue threshold follows', () => {
    expect(plan('db.m6g.large').alarms.find((a) => a.metric === 'DiskQueueDepth')?.threshold).toBe(120);
  });

  test('every supported class has performance facts; baselines follow credits ÷ 60 ÷ vCPUs', () => {
    for (const name of supportedInstanceClasses) expect(() => classPerformance(name)).not.toThrow();
    expect(classPerformance('db.t3.micro')).toEqual({
      cpuCreditsPerHour: 12,
      baselineShare: 0.1,
      maxCreditBalance: 288,
      ebsBurst: true,
    });
    expect(classPerformance('db.t4g.xlarge').baselineShare).toBeCloseTo(0.4, 6);
    expect(() => classPerformance('db.x9.huge')).toThrow(/database.instanceClass/);
  });

  test('a larger dev class moves the class-derived thresholds and nothing typed', () => {
    const larger = alarmsOf(withChange(dev, (e) => (e.database.instanceClass = 'db.t3.small')));
    const base = alarmsOf(dev);
    expect(larger.get('FreeableMemory')?.threshold).toBe(
      Math.round(dev.observability.alarms.reserveShare * 2 * GIB),
    );
    expect(larger.get('CPUCreditBalance')?.threshold).toBe(
      2 * Number(base.get('CPUCreditBalance')?.threshold),
    );
    expect(larger.get('DiskQueueDepth')?.threshold).toBe(base.get('DiskQueueDepth')?.threshold);
  });
});

describe('alert topic, events and dashboard', () => {
  const stack = synthEnvironment(dev);
  const one = (type: string, name: string) => resourcesOfType(stack, type)[name] as Block;
  const document = (name: string) => stack.data?.aws_iam_policy_document?.[name] as { statement: Block[] };

  test('the topic is encrypted with the environment key, whose policy lets the publishers use it', () => {
    expect(one('aws_sns_topic', 'observability_alerts_topic')).toEqual(
      expect.objectContaining({
        name: `${dev.database.identifier}-alerts`,
        kms_master_key_id: '${aws_kms_key.database_kms_key.arn}',
      }),
    );
    expect(document('database_key_policy').statement).toContainEqual(
      expect.objectContaining({
        principals: [
          { type: 'Service', identifiers: ['cloudwatch.amazonaws.com', 'events.rds.amazonaws.com'] },
        ],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
  });

  test("the topic admits only this environment's alarms and RDS events, over TLS", () => {
    const statements = document('observability_alerts_policy').statement;
    const allows = statements.filter((s) => s.effect !== 'Deny');
    expect(allows.map((s) => (s.principals as Block[])[0].identifiers)).toEqual([
      ['cloudwatch.amazonaws.com'],
      ['events.rds.amazonaws.com'],
    ]);
    for (const s of allows) {
      expect(s.actions).toEqual(['sns:Publish']);
      expect(s.condition).toContainEqual({
        test: 'StringEquals',
        variable: 'aws:SourceAccount',
        values: [dev.aws.accountId],
      });
    }
    expect(statements.find((s) => s.effect === 'Deny')?.condition).toEqual([
      { test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] },
    ]);
  });

  test('subscriptions come from config: email, and HTTPS endpoints when listed', () => {
    const withPager = withChange(
      dev,
      (e) => (e.observability.recipients.httpsEndpoints = ['https://global.sns-api.chatbot.amazonaws.com']),
    );
    const subs = Object.values(resourcesOfType(synthEnvironment(withPager), 'aws_sns_topic_subscription'));
    expect(subs.map((s) => [s.protocol, s.endpoint, s.topic_arn])).toEqual([
      ['email', dev.observability.recipients.emails[0], TOPIC],
      ['https', 'https://global.sns-api.chatbot.amazonaws.com', TOPIC],
    ]);
  });

  test('RDS events of the instance and its parameter group reach the topic', () => {
    expect(one('aws_db_event_subscription', 'observability_instance_events')).toEqual(
      expect.objectContaining({
        sns_topic: TOPIC,
        source_type: 'db-instance',
        source_ids: [dev.database.identifier],
        event_categories: INSTANCE_EVENT_CATEGORIES,
        depends_on: ['aws_db_instance.database_instance'],
      }),
    );
    expect(one('aws_db_event_subscription', 'observability_parameter_group_events')).toEqual(
      expect.objectContaining({
        source_type: 'db-parameter-group',
        source_ids: ['${aws_db_parameter_group.database_parameter_group.name}'],
        event_categories: ['configuration change'],
      }),
    );
  });

  test('the dashboard graphs every alarmed metric with its threshold and shows every alarm', () => {
    const body = JSON.parse(
      String(one('aws_cloudwatch_dashboard', 'observability_dashboard').dashboard_body),
    ) as {
      widgets: { type: string; properties: Block }[];
    };
    const alarms = Object.values(resourcesOfType(stack, 'aws_cloudwatch_metric_alarm'));
    const [status, ...graphs] = body.widgets;
    expect((status.properties.alarms as string[]).map((arn) => arn.split(':alarm:')[1]).sort()).toEqual(
      alarms.map((a) => a.alarm_name).sort(),
    );
    for (const alarm of alarms) {
      const graph = graphs.find((g) => (g.properties.metrics as string[][])[0][1] === alarm.metric_name);
      expect(graph?.properties.annotations).toEqual({
        horizontal: [expect.objectContaining({ value: alarm.threshold })],
      });
    }
  });
});

describe('in the cluster', () => {
  const stack = synthEnvironment(dev);
  const deployment = (name: string) =>
    resourcesOfType(stack, 'kubernetes_deployment_v1')[name].spec as {
      template: {
        metadata: { annotations: Record<string, string> };
        spec: { container: Block[]; volume: Block[] };
      };
    };

  test('the PgBouncer pod carries a restricted, pinned exporter reading its flags from a Secret file', () => {
    const pod = deployment('cluster_pgbouncer_deployment').template;
    const exporter = pod.spec.container.find((c) => c.name === 'pgbouncer-exporter') as Block;
    expect(exporter).toEqual(
      expect.objectContaining({
        image: 'prometheuscommunity/pgbouncer-exporter:v0.12.1',
        image_pull_policy: 'Always',
        args: [
          '@/etc/pgbouncer-exporter/flags',
          '--web.listen-address=:9127',
          '--web.telemetry-path=/metrics',
        ],
        port: [{ name: 'metrics', container_port: 9127, protocol: 'TCP' }],
      }),
    );
    expect(exporter.security_context).toEqual(
      expect.objectContaining({
        allow_privilege_escalation: false,
        read_only_root_filesystem: true,
        run_as_non_root: true,
        capabilities: { drop: ['ALL'] },
      }),
    );
    expect(exporter).not.toHaveProperty('env');
    expect(pod.metadata.annotations).toEqual(
      expect.objectContaining({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9127' }),
    );
    const flags = resourcesOfType(stack, 'kubernetes_secret_v1').cluster_pgbouncer_exporter_flags
      .data as Record<string, string>;
    expect(flags.flags).toBe(
      '--pgBouncer.connectionString=postgres://pgbouncer_stats:${urlencode(random_password.cluster_password_pgbouncer_stats.result)}@127.0.0.1:6432/pgbouncer?sslmode=disable\n',
    );
  });

  test('the Postgres exporter logs in as the monitoring role, its credentials read as files from a Secret in shared', () => {
    const pod = deployment('cluster_monitoring_postgres_exporter_deployment').template;
    const [exporter] = pod.spec.container;
    expect(exporter.image).toBe('prometheuscommunity/postgres-exporter:v0.20.1');
    expect(exporter.args).toContain('--collector.stat_statements');
    expect(exporter.env).toEqual([
      {
        name: 'DATA_SOURCE_URI',
        value: '${aws_db_instance.database_instance.address}:5432/lightwave_platform?sslmode=require',
      },
      { name: 'DATA_SOURCE_USER_FILE', value: '/etc/postgres-exporter-auth/username' },
      { name: 'DATA_SOURCE_PASS_FILE', value: '/etc/postgres-exporter-auth/password' },
    ]);
    const secret = resourcesOfType(
      stack,
      'kubernetes_secret_v1',
    ).cluster_monitoring_postgres_exporter_credentials;
    expect(secret.metadata).toEqual(expect.objectContaining({ name: 'postgres-monitoring' }));
    expect(String((secret.metadata as Block).namespace)).toContain('cluster_namespace_shared_namespace');
    expect(secret.data).toEqual({
      username: 'monitoring',
      password: '${random_password.database_access_password_monitoring.result}',
    });
  });

  test('the rules ConfigMap lands in the Prometheus namespace', () => {
    const rules = resourcesOfType(stack, 'kubernetes_config_map_v1').cluster_monitoring_alert_rules;
    expect(String((rules.metadata as Block).namespace)).toContain('cluster_namespace_shared_namespace');
    expect(Object.keys(rules.data as Block)).toEqual(['lightwave-platform.rules.yml']);
  });

  test('a Prometheus outside the managed namespaces gets the rules and the scrape policies, and no egress policy here', () => {
    const elsewhere = withChange(dev, (e) => (e.observability.prometheus.namespace = 'monitoring'));
    const s = synthEnvironment(elsewhere);
    const policies = Object.values(resourcesOfType(s, 'kubernetes_network_policy_v1')).map(
      (p) => (p.metadata as Block).name,
    );
    expect(policies).not.toContain('prometheus-to-exporters');
    expect(policies).toContain('pgbouncer-metrics-from-prometheus');
    const rules = resourcesOfType(s, 'kubernetes_config_map_v1').cluster_monitoring_alert_rules;
    expect((rules.metadata as Block).namespace).toBe('monitoring');
  });
});

describe('delivery', () => {
  /** What applying and destroying each alerting resource type calls (provider aws 5.100.0). */
  const needs: Record<string, string[]> = {
    aws_sns_topic: ['sns:CreateTopic', 'sns:SetTopicAttributes', 'sns:GetTopicAttributes', 'sns:DeleteTopic'],
    aws_sns_topic_policy: ['sns:SetTopicAttributes', 'sns:GetTopicAttributes'],
    aws_sns_topic_subscription: ['sns:Subscribe', 'sns:GetSubscriptionAttributes', 'sns:Unsubscribe'],
    aws_cloudwatch_metric_alarm: [
      'cloudwatch:PutMetricAlarm',
      'cloudwatch:DescribeAlarms',
      'cloudwatch:DeleteAlarms',
    ],
    aws_cloudwatch_dashboard: [
      'cloudwatch:PutDashboard',
      'cloudwatch:GetDashboard',
      'cloudwatch:DeleteDashboards',
    ],
    aws_db_event_subscription: [
      'rds:CreateEventSubscription',
      'rds:ModifyEventSubscription',
      'rds:DeleteEventSubscription',
    ],
  };

  test.each(environments.map((env) => [env.name, env] as const))(
    "%s's deploy role may create, read and delete every alerting resource it synthesizes",
    (_name, env) => {
      const types = Object.keys(synthEnvironment(env).resource ?? {}).filter((t) => t in needs);
      expect(types.sort()).toEqual(Object.keys(needs).sort());
      const granted = new Set(env.delivery.deployRole.serviceActions);
      expect(types.flatMap((t) => needs[t]).filter((a) => !granted.has(a))).toEqual([]);
    },
  );
});
