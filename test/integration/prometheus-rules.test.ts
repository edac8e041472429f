/**
 * The shipped alert rules, run by Debian's Prometheus tooling: `promtool check rules` accepts the file taken from
 * each environment's synthesized ConfigMap, and `promtool test rules` unit-tests every alert on synthetic series:
 * quiet before the condition, firing once it has held for the rule's `for`, quiet again after it clears.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import type { AlertRule } from '../../charts/prometheus-rules/rules';
import { toYaml, type YamlValue } from '../../charts/prometheus-rules/yaml';
import { environments } from '../../environments';
import type { EnvironmentConfig } from '../../environments/config';
import { ALERT_RULES_FILE } from '../../stacks/cluster-monitoring';
import { EnvironmentStack } from '../../stacks/environment-stack';
import { resourcesOfType, type TerraformJson } from '../../synth/terraform-json';
import { binaryOrSkip } from '../support/system-binary';

const promtool = binaryOrSkip('promtool', '/usr/bin/promtool');
const describePromtool = promtool ? describe : describe.skip;
jest.setTimeout(120_000);

/** A synthetic series for an alert: labels, and the sample value that satisfies (`on`) or fails (`off`) it. */
interface Scenario {
  readonly metric: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly on: number;
  readonly off: number;
}

/** The number an alert compares against (`>= 16`, `== 0`, `> 0`). */
const threshold = (rule: AlertRule) => Number(/(?:>=|==|>) (\d+(?:\.\d+)?)\s*(?:or|$)/.exec(rule.expr)?.[1]);

function scenario(rule: AlertRule, namespace: string): Scenario {
  const pgbouncerPod = { namespace, pod: 'pgbouncer-7d9f-abcde' };
  const exporterPod = { namespace, pod: 'postgres-exporter-5c8b-fghij' };
  const pool = { ...pgbouncerPod, database: 'lightwave_platform', user: 'payload_user' };
  const limit = threshold(rule);
  const above = { on: limit, off: limit - 1 };
  const down = { on: 0, off: 1 };
  const scenarios: Record<string, Scenario> = {
    PgBouncerPoolSaturated: { metric: 'pgbouncer_pools_server_active_connections', labels: pool, ...above },
    PgBouncerClientsWaiting: { metric: 'pgbouncer_pools_client_maxwait_seconds', labels: pool, ...above },
    PgBouncerClientsNearQueryWaitTimeout: {
      metric: 'pgbouncer_pools_client_maxwait_seconds',
      labels: pool,
      ...above,
    },
    PgBouncerClientConnectionsNearLimit: { metric: 'pgbouncer_used_clients', labels: pgbouncerPod, ...above },
    PgBouncerExporterDown: { metric: 'up', labels: pgbouncerPod, ...down },
    PgBouncerDown: { metric: 'pgbouncer_up', labels: pgbouncerPod, ...down },
    PgBouncerRestarted: {
      metric: 'kube_pod_container_status_restarts_total',
      labels: { ...pgbouncerPod, container: 'pgbouncer' },
      on: 1,
      off: 0,
    },
    PostgresExporterDown: { metric: 'up', labels: exporterPod, ...down },
    PostgresUnreachable: { metric: 'pg_up', labels: exporterPod, ...down },
  };
  const found = scenarios[rule.alert];
  if (!found) throw new Error(`no scenario for ${rule.alert}: add one`);
  return found;
}

const selector = (s: Scenario) =>
  `${s.metric}{${Object.entries(s.labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ')}}`;

/** Quiet for 10 min, the condition for `for` + 20 min, quiet after; a counter (restarts) steps up once and stays. */
function unitTest(rule: AlertRule, environment: string, namespace: string): YamlValue {
  const s = scenario(rule, namespace);
  const held = rule.forMinutes + 20;
  const counter = s.metric.endsWith('_total');
  const values = counter ? `${s.off}x9 ${s.on}x${held + 30}` : `${s.off}x9 ${s.on}x${held - 1} ${s.off}x30`;
  const expected = {
    exp_labels: { ...s.labels, severity: rule.severity, environment },
    exp_annotations: { summary: rule.summary, threshold: rule.why, first_check: rule.firstCheck },
  };
  // A counter's increase() leaves the window `for` minutes after the step; a gauge clears when it drops.
  const quietAgain = counter ? 10 + rule.forMinutes + held : 10 + held + 5;
  return {
    interval: '1m',
    input_series: [{ series: selector(s), values }],
    alert_rule_test: [
      { eval_time: '9m', alertname: rule.alert, exp_alerts: [] },
      { eval_time: `${10 + rule.forMinutes + 1}m`, alertname: rule.alert, exp_alerts: [expected] },
      { eval_time: `${quietAgain}m`, alertname: rule.alert, exp_alerts: [] },
    ],
  };
}

/** A target that vanished (no `up` at all) is as silent as a dead one: absent() catches it. */
function missingTarget(rule: AlertRule, environment: string, namespace: string): YamlValue {
  return {
    interval: '1m',
    input_series: [{ series: `up{namespace="${namespace}", pod="unrelated-0"}`, values: '1x60' }],
    alert_rule_test: [
      {
        eval_time: `${rule.forMinutes + 1}m`,
        alertname: rule.alert,
        exp_alerts: [
          {
            exp_labels: { namespace, severity: rule.severity, environment },
            exp_annotations: { summary: rule.summary, threshold: rule.why, first_check: rule.firstCheck },
          },
        ],
      },
    ],
  };
}

function promtoolRun(args: string[], cwd: string) {
  const result = spawnSync(promtool as string, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describePromtool.each(environments.map((env) => [env.name, env] as const))(
  'alert rules of %s with promtool',
  (_name, env: EnvironmentConfig) => {
    const stack = new EnvironmentStack(Testing.app(), env);
    const synthesized = JSON.parse(Testing.synth(stack)) as TerraformJson;
    const file = (
      resourcesOfType(synthesized, 'kubernetes_config_map_v1').cluster_monitoring_alert_rules.data as Record<
        string,
        string
      >
    )[ALERT_RULES_FILE];
    const rules = stack.cluster.monitoring.rules;
    const namespace = env.cluster.pgbouncer.namespace;
    const dir = mkdtempSync(join(tmpdir(), 'lightwave-promtool-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('promtool check rules accepts the shipped file', () => {
      writeFileSync(join(dir, ALERT_RULES_FILE), file);
      const { status, output } = promtoolRun(['check', 'rules', ALERT_RULES_FILE], dir);
      expect(output).toContain(`SUCCESS: ${rules.length} rules found`);
      expect(status).toBe(0);
    });

    test('promtool test rules: every alert fires after its `for` and resolves', () => {
      const tests = rules.map((rule) => unitTest(rule, env.name, namespace));
      const absent = rules
        .filter((r) => r.expr.includes('absent('))
        .map((r) => missingTarget(r, env.name, namespace));
      writeFileSync(join(dir, ALERT_RULES_FILE), file);
      writeFileSync(
        join(dir, 'tests.yml'),
        toYaml({ rule_files: [ALERT_RULES_FILE], evaluation_interval: '1m', tests: [...tests, ...absent] }),
      );
      const { status, output } = promtoolRun(['test', 'rules', 'tests.yml'], dir);
      if (status !== 0) console.log(output);
      expect(output).toContain('SUCCESS');
      expect(status).toBe(0);
    });

    test('a wrong expectation makes promtool fail (the unit tests can fail)', () => {
      const [first] = rules;
      const broken = unitTest(
        { ...first, severity: first.severity === 'critical' ? 'warning' : 'critical' },
        env.name,
        namespace,
      );
      writeFileSync(
        join(dir, 'broken.yml'),
        toYaml({ rule_files: [ALERT_RULES_FILE], evaluation_interval: '1m', tests: [broken] }),
      );
      const { status, output } = promtoolRun(['test', 'rules', 'broken.yml'], dir);
      expect(output).toMatch(/FAILED/);
      expect(status).not.toBe(0);
    });
  },
);
