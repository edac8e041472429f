/**
 * Restore as code, planned with the real AWS provider: a `database.restore` config plans the instance as a
 * create-from-snapshot or point-in-time restore, replaces a deployed instance in the order config asks, and leaves the
 * restored instance alone once the restore block is removed. The deployed instance is a minimal hand-written state
 * (the plan does not refresh, so no AWS API is called); only the database layer's AWS resources are planned.
 */
import { terraformState } from '../support/terraform-state';
import type { EnvironmentConfig } from '../../environments/config';
import { dev } from '../../environments/dev';
import { prod } from '../../environments/prod';
import type { DatabaseRestoreConfig } from '../../environments/parts/database-restore';
import { awsPart } from '../../review/terraform/aws-part';
import { planOffline, type ResourceChange } from '../../review/terraform/offline-plan';
import type { TerraformJson } from '../../synth/terraform-json';
import { layerPart } from '../support/layer-part';
import { synthEnvironment, withChange } from '../support/synth';
import { toolchainOrSkip } from '../support/toolchain-or-skip';

const toolchain = toolchainOrSkip('5.100.0');
const describeOffline = toolchain ? describe : describe.skip;
jest.setTimeout(10 * 60_000);

const INSTANCE = 'aws_db_instance.database_instance';

/** The database layer's AWS resources and the policy documents they read. */
const databasePart = (env: EnvironmentConfig): TerraformJson =>
  layerPart(awsPart(synthEnvironment(env)), 'database');

/** A state holding the instance `identifier`, deployed (optionally from a restore). */
function deployed(identifier: string, restored: Record<string, unknown> = {}) {
  return terraformState([
    {
      mode: 'managed',
      type: 'aws_db_instance',
      name: 'database_instance',
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [
        {
          schema_version: 2,
          attributes: {
            id: 'db-ABCDEFGHIJKLMNOP',
            identifier,
            engine: 'postgres',
            engine_version: '15',
            db_name: 'lightwave_platform',
            username: 'lightwave_admin',
            storage_encrypted: true,
            snapshot_identifier: '',
            restore_to_point_in_time: [],
            deletion_protection: true,
            tags: {},
            tags_all: {},
            ...restored,
          },
        },
      ],
    },
  ]);
}

function restoring(
  base: EnvironmentConfig,
  identifier: string,
  restore: DatabaseRestoreConfig,
): EnvironmentConfig {
  return withChange(base, (e) => {
    e.database.identifier = identifier;
    e.database.restore = restore;
  });
}

function instanceChange(env: EnvironmentConfig, state?: object): ResourceChange {
  // No separate `terraform validate`: plan rejects an invalid configuration itself, and these tests read the plan.
  const plan = planOffline(toolchain!, databasePart(env), { state, validate: false }).plan;
  const change = (plan.resource_changes ?? []).find((c) => c.address === INSTANCE);
  if (!change) throw new Error(`${INSTANCE} is not in the plan`);
  return change;
}

describeOffline('database.restore planned with the real AWS provider', () => {
  const pointInTime = { pointInTime: { sourceInstance: 'lightwave-prod', time: 'latest' } };
  test('a point-in-time restore of prod creates the restored instance first, then replaces the deployed one', () => {
    const env = restoring(prod, 'lightwave-prod-r1', {
      from: pointInTime,
      replaces: 'lightwave-prod',
      destroyReplacedInstance: true,
    });
    const change = instanceChange(env, deployed('lightwave-prod'));
    expect(change.change.actions).toEqual(['create', 'delete']);
    expect(change.change.after).toEqual(
      expect.objectContaining({
        identifier: 'lightwave-prod-r1',
        restore_to_point_in_time: [
          expect.objectContaining({
            source_db_instance_identifier: 'lightwave-prod',
            use_latest_restorable_time: true,
          }),
        ],
      }),
    );
  });

  const restoreAttributes = (change: ResourceChange) =>
    (change.change.replace_paths ?? [])
      .map((path) => path[0])
      .filter((a) => a === 'snapshot_identifier' || a === 'restore_to_point_in_time');

  test('once restored, removing the restore block is not a reason to replace the instance', () => {
    // dev: without prevent_destroy the plan lists every replacement reason (the minimal state lacks some, e.g. the key).
    const cleaned = withChange(dev, (e) => (e.database.identifier = 'lightwave-dev-r1'));
    const restored = deployed('lightwave-dev-r1', {
      restore_to_point_in_time: [
        { source_db_instance_identifier: 'lightwave-dev', use_latest_restorable_time: true },
      ],
    });
    expect(restoreAttributes(instanceChange(cleaned, restored))).toEqual([]);
  });

  test('a snapshot restore over the live identifier (with the switch) destroys it first, then creates from the snapshot', () => {
    const env = restoring(dev, 'lightwave-dev', {
      from: { snapshot: 'awsbackup:job-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
      replaces: 'lightwave-dev',
      destroyReplacedInstance: true,
    });
    const change = instanceChange(env, deployed('lightwave-dev'));
    expect(change.change.actions).toEqual(['delete', 'create']);
    expect(restoreAttributes(change)).toEqual(['snapshot_identifier']);
    expect(change.change.after).toEqual(
      expect.objectContaining({
        identifier: 'lightwave-dev',
        snapshot_identifier: 'awsbackup:job-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
        restore_to_point_in_time: [],
      }),
    );
  });
});
