/**
 * Construct ids are Terraform addresses. This proves, with the real terraform and AWS provider, what a rename does
 * to a deployed resource: without a move Terraform destroys and recreates it; with `moveFromId` it only moves it.
 * The deployed state is a minimal hand-written state document (one log group at its old address); the plan does not
 * refresh, so no AWS API is called.
 */
import { terraformState } from '../support/terraform-state';
import type { TerraformResource } from 'cdktf';
import { Testing } from 'cdktf';
import { dev } from '../../environments/dev';
import { EnvironmentStack } from '../../stacks/environment-stack';
import { awsPart } from '../../review/terraform/aws-part';
import { planOffline } from '../../review/terraform/offline-plan';
import type { TerraformJson } from '../../synth/terraform-json';
import { toolchainOrSkip } from '../support/toolchain-or-skip';

const toolchain = toolchainOrSkip('5.100.0');
const describeOffline = toolchain ? describe : describe.skip;
jest.setTimeout(10 * 60_000);

const OLD_ADDRESS = 'aws_cloudwatch_log_group.database_upgrade_log';
const NEW_ADDRESS = 'aws_cloudwatch_log_group.database_log_upgrade';

/** A state in which the upgrade log group was deployed under its old construct id. */
const deployedState = terraformState([
  {
    mode: 'managed',
    type: 'aws_cloudwatch_log_group',
    name: 'database_upgrade_log',
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [
      {
        schema_version: 0,
        attributes: {
          id: '/aws/rds/instance/lightwave-dev/upgrade',
          arn: 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/rds/instance/lightwave-dev/upgrade',
          name: '/aws/rds/instance/lightwave-dev/upgrade',
          name_prefix: '',
          retention_in_days: 14,
          log_group_class: 'STANDARD',
          kms_key_id: '',
          skip_destroy: false,
          tags: {},
          tags_all: {},
        },
      },
    ],
  },
]);

function synth(withMove: boolean): TerraformJson {
  const stack = new EnvironmentStack(Testing.app(), dev);
  if (withMove) {
    (stack.database.node.findChild('log_upgrade') as TerraformResource).moveFromId(OLD_ADDRESS);
  }
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

describeOffline('renaming a construct id', () => {
  const actionsOf = (stack: TerraformJson) => {
    const plan = planOffline(toolchain!, awsPart(stack), deployedState).plan;
    return new Map((plan.resource_changes ?? []).map((c) => [c.address, c]));
  };

  test('without a move, terraform destroys the deployed resource and creates a new one', () => {
    const changes = actionsOf(synth(false));
    expect(changes.get(OLD_ADDRESS)?.change.actions).toEqual(['delete']);
    expect(changes.get(NEW_ADDRESS)?.change.actions).toEqual(['create']);
  });

  test('with moveFromId, terraform moves it and destroys nothing', () => {
    const stack = synth(true);
    expect(JSON.stringify(stack.moved)).toContain(OLD_ADDRESS);
    const changes = actionsOf(stack);
    expect(changes.has(OLD_ADDRESS)).toBe(false);
    expect(changes.get(NEW_ADDRESS)?.previous_address).toBe(OLD_ADDRESS);
    expect(changes.get(NEW_ADDRESS)?.change.actions).not.toContain('delete');
    for (const change of changes.values()) expect(change.change.actions).not.toContain('delete');
  });
});
