/**
 * The app as `cdktf synth` runs it: one stack per registered environment, named exactly after it. The trees are read
 * from the synthesis cache, which holds exactly what the app writes (test/synth-cache.test.ts compares the two).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environments } from '../environments';
import type { EnvironmentConfig } from '../environments/config';
import { ConfigValidationError } from '../environments/validation';
import { prod } from '../environments/prod';
import { dev } from '../environments/dev';
import { createPlatformApp } from '../stacks/platform-app';
import { providersUsingResources } from './support/provider-inputs';
import { synthEnvironment, withChange, writeCachedTree } from './support/synth';
import type { TerraformJson } from '../synth/terraform-json';

/** Every environment's stack, and `bootstrap-<first environment of the account>` per account. */
function expectedStacks(envs: readonly EnvironmentConfig[]): string[] {
  const firstOfAccount = envs.filter(
    (e, i) => envs.findIndex((o) => o.aws.accountId === e.aws.accountId) === i,
  );
  return [...envs.map((e) => e.name), ...firstOfAccount.map((e) => `bootstrap-${e.name}`)].sort();
}

describe('platform app', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'lightwave-app-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  writeCachedTree(environments, outdir);
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));

  test('synthesizes one stack per environment, named after it, and one bootstrap stack per account', () => {
    expect(Object.keys(manifest.stacks).sort()).toEqual(expectedStacks(environments));
    for (const { name } of environments) {
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

  test('one more environment is one more config object', () => {
    const name = `${environments.map((e) => e.name).join('')}x`; // registered by nobody
    const extra = withChange(dev, (e) => {
      e.name = name;
      e.state.key = `lightwave-platform/${name}/terraform.tfstate`;
      e.database.identifier = `lightwave-${name}`;
      e.cloudflare.media.bucketName = `lightwave-media-${name}`;
      e.cloudflare.cdn.domain = `cdn-${name}.lightwave-media.site`;
      e.delivery.githubEnvironment = name;
      e.delivery.planRole.name = `lightwave-${name}-plan`;
      e.delivery.deployRole.name = `lightwave-${name}-deploy`;
    });
    const extraOut = mkdtempSync(join(tmpdir(), 'lightwave-extra-'));
    const registry = [...environments, extra];
    writeCachedTree(registry, extraOut);
    const extraManifest = JSON.parse(readFileSync(join(extraOut, 'manifest.json'), 'utf8'));
    // It shares dev's account: that account's bootstrap stack gains its roles, no other bootstrap stack appears.
    expect(Object.keys(extraManifest.stacks).sort()).toEqual(expectedStacks(registry));
    const account = registry.filter((e) => e.aws.accountId === dev.aws.accountId);
    const bootstrap = JSON.parse(
      readFileSync(join(extraOut, 'stacks', `bootstrap-${account[0].name}`, 'cdk.tf.json'), 'utf8'),
    ) as TerraformJson;
    expect(Object.keys(bootstrap.resource?.aws_iam_role ?? {}).sort()).toEqual(
      account.flatMap((e) => [`${e.name}_deploy_role`, `${e.name}_plan_role`]).sort(),
    );
    rmSync(extraOut, { recursive: true, force: true });
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
