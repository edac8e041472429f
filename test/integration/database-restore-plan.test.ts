/**
 * Restore as code, planned with the real AWS provider against a state simulated from the deployed base
 * (review/terraform/simulated-state.ts: the base planned until it converges, refresh off, no API call): a
 * `database.restore` config replaces the deployed instance with one created from a snapshot or a point in time, in the
 * order config asks, and leaves the restored instance alone once the restore block is removed. Only the database
 * layer's AWS resources are planned.
 *
 * A hand-written minimal state would not do: the attributes it lacks (the key, the subnet group) force a replacement
 * by themselves, and hid that a new identifier alone is an in-place rename, not a restore.
 *
 * @slow ~190 s on a cold CI machine: terraform plans of restores with the real AWS provider.
 */
import type { EnvironmentConfig } from '../../environments/config';
import { dev } from '../../environments/dev';
import { prod } from '../../environments/prod';
import type { RestoreSource } from '../../environments/parts/database-restore';
import { awsPart } from '../../review/terraform/aws-part';
import { OfflinePlanSession } from '../../review/terraform/offline-plan';
import { simulateState, type SimulatedState } from '../../review/terraform/simulated-state';
import type { PlanResourceChange } from '../../synth/plan-json';
import type { TerraformJson } from '../../synth/terraform-json';
import { layerPart } from '../support/layer-part';
import { synthEnvironment, withChange } from '../support/synth';
import { toolchainOrSkip } from '../support/toolchain-or-skip';

const toolchain = toolchainOrSkip('5.100.0');
const describeOffline = toolchain ? describe : describe.skip;
jest.setTimeout(15 * 60_000);

const INSTANCE = 'aws_db_instance.database_instance';

/** The database layer's AWS resources and the policy documents they read. */
const databasePart = (env: EnvironmentConfig): TerraformJson =>
  layerPart(awsPart(synthEnvironment(env)), 'database');

/** `env` restored from `from` into `identifier`, replacing the instance serving today (switch on). */
const restoring = (env: EnvironmentConfig, identifier: string, from: RestoreSource): EnvironmentConfig =>
  withChange(env, (e) => {
    e.database.restore = { from, replaces: e.database.identifier, destroyReplacedInstance: true };
    e.database.identifier = identifier;
  });

const restoreAttributes = (change: PlanResourceChange) =>
  (change.change.replace_paths ?? [])
    .map((path) => path[0])
    .filter((a) => a === 'snapshot_identifier' || a === 'restore_to_point_in_time');

describeOffline(
  'database.restore planned with the real AWS provider, from a simulated deployed state',
  () => {
    let session: OfflinePlanSession;
    beforeAll(() => (session = new OfflinePlanSession(toolchain!)));
    afterAll(() => session?.close());

    /** The instance's planned change when `head` is planned from `state`. */
    function instanceChange(head: EnvironmentConfig, state: SimulatedState): PlanResourceChange {
      session.configure(databasePart(head));
      const change = (session.plan(state).resource_changes ?? []).find((c) => c.address === INSTANCE);
      if (!change) throw new Error(`${INSTANCE} is not in the plan`);
      return change;
    }

    describe('prod, deployed', () => {
      let state: SimulatedState;
      beforeAll(() => (state = simulateState(session, databasePart(prod))));

      test('a point-in-time restore to a new identifier creates the restored instance first, then replaces the deployed one', () => {
        const head = restoring(prod, 'lightwave-prod-r1', {
          pointInTime: { sourceInstance: 'lightwave-prod', time: 'latest' },
        });
        const change = instanceChange(head, state);
        expect(change.change.actions).toEqual(['create', 'delete']);
        expect(restoreAttributes(change)).toEqual(['restore_to_point_in_time']);
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

      test('why the restore attributes are planned while the restore is configured: a new identifier alone is a rename', () => {
        const renamed = withChange(prod, (e) => (e.database.identifier = 'lightwave-prod-r1'));
        expect(instanceChange(renamed, state).change.actions).toEqual(['update']);
      });
    });

    test('a snapshot restore over the live identifier (with the switch) destroys it first, then creates from the snapshot', () => {
      const state = simulateState(session, databasePart(dev));
      const head = restoring(dev, 'lightwave-dev', {
        snapshot: 'awsbackup:job-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
      });
      const change = instanceChange(head, state);
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

    test('once restored, removing the restore block changes nothing on the instance', () => {
      const restored = restoring(dev, 'lightwave-dev-r1', {
        pointInTime: { sourceInstance: 'lightwave-dev', time: 'latest' },
      });
      const state = simulateState(session, databasePart(restored));
      const cleaned = withChange(restored, (e) => delete e.database.restore);
      expect(instanceChange(cleaned, state).change.actions).toEqual(['no-op']);
    });
  },
);
