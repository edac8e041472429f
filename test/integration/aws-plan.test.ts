/**
 * Offline proof with the real AWS provider: the AWS part of each environment passes `terraform validate` and
 * `terraform plan`, and the planned values carry what the layers promise.
 */
import { environments } from '../../environments';
import { awsPart } from '../support/aws-part';
import { planOffline, type OfflinePlan } from '../support/offline-plan';
import { synthEnvironment } from '../support/synth';
import { toolchainOrSkip } from '../support/toolchain-or-skip';

const AWS_PROVIDER_VERSION = '5.100.0';
const toolchain = toolchainOrSkip(AWS_PROVIDER_VERSION);
const describeOffline = toolchain ? describe : describe.skip;

jest.setTimeout(10 * 60_000);

describeOffline.each(environments.map((env) => [env.name, env] as const))(
  'offline plan of %s',
  (_name, env) => {
    const stack = synthEnvironment(env);
    let result: OfflinePlan;

    beforeAll(() => {
      if (toolchain) result = planOffline(toolchain, awsPart(stack));
    });

    test('the synthesized AWS provider is the pinned version', () => {
      expect(stack.terraform?.required_providers?.aws).toEqual({
        source: 'aws',
        version: AWS_PROVIDER_VERSION,
      });
    });

    test('terraform validate accepts the AWS part', () => {
      expect(result.validate).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
    });

    test('the plan only creates, and creates every AWS resource of the stack', () => {
      const changes = result.plan.resource_changes ?? [];
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) expect(change.change.actions).toEqual(['create']);
      const synthesized = Object.entries(stack.resource ?? {})
        .filter(([type]) => type.startsWith('aws_'))
        .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
      expect(changes.map((c) => c.address).sort()).toEqual(synthesized.sort());
    });

    test('default tags reach every taggable resource', () => {
      const tagged = [...result.resources.values()].filter((r) => 'tags_all' in r.values);
      expect(tagged.length).toBeGreaterThan(0);
      for (const resource of tagged) {
        expect(resource.values.tags_all).toEqual(
          expect.objectContaining({ Environment: env.name, ManagedBy: 'cdktf' }),
        );
      }
    });
  },
);
