/**
 * One snapshot per environment: the review artifact. A reviewer reads its diff next to the code change.
 * Only what churns on provider bumps (required_providers versions) is dropped; the backend stays visible.
 */
import { environments } from '../environments';
import { synthBootstrap, synthEnvironment } from './support/synth';
import type { TerraformJson } from '../synth/terraform-json';

function reviewArtifact(stack: TerraformJson): TerraformJson {
  const copy = structuredClone(stack);
  delete copy.terraform?.required_providers;
  return copy;
}

describe.each(environments.map((env) => [env.name, env] as const))('environment %s', (name, env) => {
  const stack = synthEnvironment(env);

  test('matches the reviewed snapshot', () => {
    expect(reviewArtifact(stack)).toMatchSnapshot();
  });

  test('snapshot holds no machine paths, timestamps or secrets', () => {
    const text = JSON.stringify(reviewArtifact(stack));
    expect(text).not.toMatch(/"\/(tmp|root|home|opt|work|Users|var)\//);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(text).not.toMatch(/AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    expect(text).not.toMatch(/"password"\s*:\s*"(?!\$\{)/);
  });

  test(`state lives in S3 under its own key, encrypted and locked`, () => {
    expect(stack.terraform?.backend).toEqual({
      s3: {
        bucket: env.state.bucket,
        key: env.state.key,
        region: env.state.region,
        encrypt: true,
        kms_key_id: `arn:aws:kms:${env.state.region}:${env.aws.accountId}:${env.state.kmsKeyAlias}`,
        use_lockfile: true,
      },
    });
    expect(env.state.key).toContain(name);
  });

  test('AWS providers are pinned to the environment account, its region and the DR region, with default tags', () => {
    const pinned = {
      allowed_account_ids: [env.aws.accountId],
      default_tags: [{ tags: { ...env.tags, Environment: name, ManagedBy: 'cdktf' } }],
    };
    expect(stack.provider?.aws).toEqual([
      { region: env.aws.region, ...pinned },
      { alias: 'dr', region: env.dataProtection.dr.region, ...pinned },
    ]);
    expect(stack.terraform?.required_providers?.aws).toEqual({ source: 'aws', version: '5.100.0' });
  });
});

describe.each(environments.map((env) => [env.name, env] as const))('bootstrap stack of %s', (_name, env) => {
  const stack = synthBootstrap(env);

  test('matches the reviewed snapshot', () => {
    expect(reviewArtifact(stack)).toMatchSnapshot();
  });

  test('snapshot holds no machine paths; its local state sits in the project root, outside cdktf.out', () => {
    const text = JSON.stringify(reviewArtifact(stack));
    expect(text).not.toMatch(/"\/(tmp|root|home|opt|work|var|Users)\//);
    expect(stack.terraform?.backend).toEqual({
      local: { path: `../../../terraform.bootstrap-${env.name}.tfstate` },
    });
  });
});
