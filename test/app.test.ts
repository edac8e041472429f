/**
 * The app as `cdktf synth` runs it: one stack per registered environment, named exactly after it. The trees are read
 * from the synthesis cache, which holds exactly what the app writes (test/synth-cache.test.ts compares the two).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environments } from '../environments';
import { ConfigValidationError } from '../environments/validation';
import { prod } from '../environments/prod';
import { dev } from '../environments/dev';
import { createPlatformApp } from '../stacks/platform-app';
import { providersUsingResources } from './support/provider-inputs';
import { synthEnvironment, withChange, writeCachedTree } from './support/synth';
import type { TerraformJson } from '../synth/terraform-json';

describe('platform app', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'lightwave-app-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  writeCachedTree(environments, outdir);
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));

  test('synthesizes one stack per environment, named dev and prod, and one bootstrap stack per account', () => {
    expect(Object.keys(manifest.stacks).sort()).toEqual(['bootstrap-dev', 'bootstrap-prod', 'dev', 'prod']);
    for (const name of ['dev', 'prod']) {
      expect(manifest.stacks[name].synthesizedStackPath).toBe(`stacks/${name}/cdk.tf.json`);
      const stack = JSON.parse(
        readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'),
      ) as TerraformJson;
      expect(stack.terraform?.backend?.s3).toEqual(
        expect.objectContaining({ key: `lightwave-platform/${name}/terraform.tfstate` }),
      );
    }
  });

  test('stacks are independent: no cross-stack references or remote state', () => {
    for (const name of Object.keys(manifest.stacks)) expect(manifest.stacks[name].dependencies).toEqual([]);
  });

  test("environment stacks encrypt state with the account's state key, named by alias", () => {
    for (const env of environments) {
      const stack = JSON.parse(
        readFileSync(join(outdir, 'stacks', env.name, 'cdk.tf.json'), 'utf8'),
      ) as TerraformJson;
      expect(stack.terraform?.backend?.s3).toEqual(
        expect.objectContaining({
          bucket: env.state.bucket,
          encrypt: true,
          use_lockfile: true,
          kms_key_id: `arn:aws:kms:${env.state.region}:${env.aws.accountId}:${env.state.kmsKeyAlias}`,
        }),
      );
    }
  });

  test('a third environment is one more config object', () => {
    const staging = withChange(dev, (e) => {
      e.name = 'staging';
      e.state.key = 'lightwave-platform/staging/terraform.tfstate';
      e.database.identifier = 'lightwave-staging';
      e.cloudflare.media.bucketName = 'lightwave-media-staging';
      e.cloudflare.cdn.domain = 'cdn-staging.lightwave-media.site';
      e.delivery.githubEnvironment = 'staging';
      e.delivery.planRole.name = 'lightwave-staging-plan';
      e.delivery.deployRole.name = 'lightwave-staging-deploy';
    });
    const stagingOut = mkdtempSync(join(tmpdir(), 'lightwave-staging-'));
    writeCachedTree([...environments, staging], stagingOut);
    const stagingManifest = JSON.parse(readFileSync(join(stagingOut, 'manifest.json'), 'utf8'));
    // staging shares dev's account: bootstrap-dev gains its roles, no third bootstrap stack.
    expect(Object.keys(stagingManifest.stacks).sort()).toEqual([
      'bootstrap-dev',
      'bootstrap-prod',
      'dev',
      'prod',
      'staging',
    ]);
    const bootstrap = JSON.parse(
      readFileSync(join(stagingOut, 'stacks', 'bootstrap-dev', 'cdk.tf.json'), 'utf8'),
    ) as TerraformJson;
    expect(Object.keys(bootstrap.resource?.aws_iam_role ?? {}).sort()).toEqual([
      'dev_deploy_role',
      'dev_plan_role',
      'staging_deploy_role',
      'staging_plan_role',
    ]);
    rmSync(stagingOut, { recursive: true, force: true });
  });
});

describe.each(environments.map((env) => [env.name, env] as const))('providers of %s', (_name, env) => {
  test('take only plan-time values (no resource attributes)', () => {
    expect(providersUsingResources(synthEnvironment(env))).toEqual([]);
  });
});

describe('invalid configuration', () => {
  test('nothing is synthesized when any environment is invalid', () => {
    const broken = withChange(dev, (e) => (e.aws.accountId = 'abc'));
    const outdir = mkdtempSync(join(tmpdir(), 'lightwave-bad-synth-'));
    try {
      expect(() => createPlatformApp([prod, broken], { outdir }).synth()).toThrow(ConfigValidationError);
      expect(() => createPlatformApp([prod, broken], { outdir })).toThrow(/aws\.accountId: "abc"/);
      expect(existsSync(join(outdir, 'stacks')) ? readdirSync(join(outdir, 'stacks')) : []).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
