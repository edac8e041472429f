/**
 * The scripts the workflows run: settings from config, plan redaction (against a real `terraform show -json`),
 * and the drift issue's body.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { ciSettings } from '../scripts/ci-settings';
import { changesOf, driftReport } from '../scripts/drift-report';
import { REDACTED, redactPlan } from '../scripts/redact-plan';
import { toolchainOrSkip } from './support/toolchain-or-skip';

const toolchain = toolchainOrSkip('5.100.0');
const testWithTerraform = toolchain ? test : test.skip;

describe('ci settings', () => {
  test('come from the environment config', () => {
    expect(ciSettings(prod)).toEqual({
      LIGHTWAVE_ENVIRONMENT: 'prod',
      LIGHTWAVE_STACK_DIR: 'cdktf.out/stacks/prod',
      LIGHTWAVE_AWS_REGION: prod.aws.region,
      LIGHTWAVE_AWS_ACCOUNT_ID: prod.aws.accountId,
      LIGHTWAVE_TUNNEL_INSTANCE_ID: prod.delivery.databaseTunnelInstanceId,
      LIGHTWAVE_TUNNEL_DOCUMENT: 'prod-database-tunnel',
      LIGHTWAVE_DATABASE_LOCAL_PORT: String(prod.databaseAccess.connection.port),
    });
    expect(ciSettings(dev).LIGHTWAVE_DATABASE_LOCAL_PORT).not.toBe(
      ciSettings(prod).LIGHTWAVE_DATABASE_LOCAL_PORT,
    );
  });
});

describe('plan redaction', () => {
  /** A real plan whose resource and output carry a sensitive value, planned by terraform without any provider. */
  function realPlan(): Record<string, unknown> {
    const dir = mkdtempSync(join(tmpdir(), 'lightwave-redact-'));
    try {
      const config = {
        resource: {
          terraform_data: {
            credentials: { input: { user: 'app', password: '${sensitive("s3cr3t-value")}' } },
          },
        },
        output: {
          token: { value: '${sensitive("t0ken-value")}', sensitive: true },
          host: { value: 'db.internal' },
        },
      };
      writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
      const run = (args: string[]) => {
        const r = spawnSync(toolchain!.terraform, args, {
          cwd: dir,
          encoding: 'utf8',
          env: { PATH: process.env.PATH, HOME: dir, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
          timeout: 120_000,
        });
        if (r.status !== 0) throw new Error(`terraform ${args.join(' ')}: ${r.stderr}`);
        return r.stdout;
      };
      run(['init', '-input=false', '-no-color']);
      run(['plan', '-input=false', '-no-color', '-out=plan.tfplan']);
      return JSON.parse(run(['show', '-json', 'plan.tfplan'])) as Record<string, unknown>;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  testWithTerraform(
    'terraform show -json prints sensitive values; the redacted plan keeps none of them',
    () => {
      const plan = realPlan();
      expect(JSON.stringify(plan)).toContain('s3cr3t-value');
      const redacted = JSON.stringify(redactPlan(plan));
      expect(redacted).not.toContain('s3cr3t-value');
      expect(redacted).not.toContain('t0ken-value');
      expect(redacted).toContain('db.internal');
      expect(redacted).toContain(REDACTED);
      expect(changesOf(redactPlan(plan) as never)).toEqual(['create terraform_data.credentials']);
    },
  );
});

describe('drift report', () => {
  const plan = (...changes: [string, string[]][]) => ({
    resource_changes: changes.map(([address, actions]) => ({ address, change: { actions } })),
  });

  test('no drift when every plan is empty or only reads', () => {
    const report = driftReport(
      new Map([
        ['dev', plan(['aws_kms_key.database_kms_key', ['no-op']])],
        ['prod', plan(['data.aws_eks_cluster.eks_cluster', ['read']])],
      ]),
    );
    expect(report.drift).toBe(false);
    expect(report.body).toContain('### prod: no changes');
  });

  test('lists what each environment would change', () => {
    const report = driftReport(
      new Map([
        ['dev', plan()],
        [
          'prod',
          plan(
            ['aws_db_instance.database_instance', ['update']],
            ['aws_security_group.database_security_group', ['delete', 'create']],
          ),
        ],
      ]),
    );
    expect(report.drift).toBe(true);
    expect(report.body).toContain('### prod: 2 resource(s)');
    expect(report.body).toContain('delete+create aws_security_group.database_security_group');
    expect(report.body).toContain('update aws_db_instance.database_instance');
  });
});
