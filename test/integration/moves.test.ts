/**
 * Construct ids are Terraform addresses. This proves, with the real terraform and AWS provider, what a rename does
 * to a deployed resource: without a move Terraform destroys and recreates it; with `moveFromId` it only moves it.
 * One plan shows both: the deployed state (a minimal hand-written document) holds both log groups under old
 * construct ids, and only the upgrade group's rename carries a move. The plan does not refresh, so no AWS API is
 * called; only the database layer is planned.
 */
import type { TerraformResource } from 'cdktf';
import { Testing } from 'cdktf';
import { dev } from '../../environments/dev';
import { awsPart } from '../../review/terraform/aws-part';
import { planOffline } from '../../review/terraform/offline-plan';
import type { PlanResourceChange } from '../../synth/plan-json';
import { EnvironmentStack } from '../../stacks/environment-stack';
import type { TerraformJson } from '../../synth/terraform-json';
import { layerPart } from '../support/layer-part';
import { terraformState } from '../support/terraform-state';
import { toolchainOrSkip } from '../support/toolchain-or-skip';

const toolchain = toolchainOrSkip('5.100.0');
const describeOffline = toolchain ? describe : describe.skip;
jest.setTimeout(10 * 60_000);

/** Old and new addresses of the two log groups: `moved` is renamed with moveFromId, `renamed` without. */
const LOG_GROUPS = {
  moved: { log: 'upgrade', old: 'database_upgrade_log', new: 'database_log_upgrade' },
  renamed: { log: 'postgresql', old: 'database_postgresql_log', new: 'database_log_postgresql' },
};
const address = (name: string) => `aws_cloudwatch_log_group.${name}`;

/** A state in which both log groups were deployed under their old construct ids. */
const deployedState = terraformState(
  Object.values(LOG_GROUPS).map((group) => {
    const name = `/aws/rds/instance/lightwave-dev/${group.log}`;
    return {
      mode: 'managed',
      type: 'aws_cloudwatch_log_group',
      name: group.old,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [
        {
          schema_version: 0,
          attributes: {
            id: name,
            arn: `arn:aws:logs:us-east-1:111111111111:log-group:${name}`,
            name,
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
    };
  }),
);

function synthWithMove(): TerraformJson {
  const stack = new EnvironmentStack(Testing.app(), dev);
  (stack.database.node.findChild('log_upgrade') as TerraformResource).moveFromId(
    address(LOG_GROUPS.moved.old),
  );
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

describeOffline('renaming a construct id', () => {
  const stack = synthWithMove();
  let changes: Map<string, PlanResourceChange>;

  beforeAll(() => {
    // No separate `terraform validate`: plan rejects an invalid configuration itself, and these tests read the plan.
    const plan = planOffline(toolchain!, layerPart(awsPart(stack), 'database'), {
      state: deployedState,
      validate: false,
    }).plan;
    changes = new Map((plan.resource_changes ?? []).map((c) => [c.address, c]));
  });

  test('without a move, terraform destroys the deployed resource and creates a new one', () => {
    expect(changes.get(address(LOG_GROUPS.renamed.old))?.change.actions).toEqual(['delete']);
    expect(changes.get(address(LOG_GROUPS.renamed.new))?.change.actions).toEqual(['create']);
  });

  test('with moveFromId, terraform moves it and destroys nothing', () => {
    expect(JSON.stringify(stack.moved)).toContain(address(LOG_GROUPS.moved.old));
    expect(changes.has(address(LOG_GROUPS.moved.old))).toBe(false);
    const moved = changes.get(address(LOG_GROUPS.moved.new));
    expect(moved?.previous_address).toBe(address(LOG_GROUPS.moved.old));
    expect(moved?.change.actions).not.toContain('delete');
    const deletes = [...changes.values()].filter((c) => c.change.actions.includes('delete'));
    expect(deletes.map((c) => c.address)).toEqual([address(LOG_GROUPS.renamed.old)]);
  });
});
