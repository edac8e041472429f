/**
 * The policy gate: every rule that fails on a registered environment must be waived in its config. A failing
 * rule that nobody waived fails `npm test`, naming the rule id and the address.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environments } from '../environments';
import { prod } from '../environments/prod';
import { policyGate } from '../policy/gate';
import { synthesizeTree } from '../synth/synthesized-tree';
import { synthEnvironment, withChange } from './support/synth';

describe('policy gate', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'lightwave-policy-'));
  const synthesized = synthesizeTree(environments, outdir);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('no failing rule goes unwaived in the registered environments', () => {
    expect(policyGate(synthesized)).toEqual([]);
  });

  test('a violation seeded into a copy of prod fails the gate with its rule id', () => {
    const seeded = withChange(prod, (e) => (e.cluster.pgbouncer.replicas = 1));
    const adjusted = withChange(seeded, (e) => (e.cluster.pgbouncer.minAvailable = 0));
    const failures = policyGate([{ config: adjusted, stack: synthEnvironment(adjusted) }]);
    expect(failures).toEqual([
      '[prod] LW-PGB-013 [medium] A PodDisruptionBudget keeps pods up and still lets nodes drain — kubernetes_deployment_v1.cluster_pgbouncer_deployment (no budget with 1 ≤ minAvailable < 1)',
      '[prod] LW-PGB-014 [medium] The pooler runs at least two replicas — kubernetes_deployment_v1.cluster_pgbouncer_deployment',
    ]);
  });

  test('a waiver of the seeded violation lets the gate pass again', () => {
    const waived = withChange(prod, (e) => {
      e.cluster.pgbouncer.replicas = 1;
      e.cluster.pgbouncer.minAvailable = 0;
      e.policyWaivers.push(
        { rule: 'LW-PGB-013', reason: 'single replica during the migration window', expires: '2099-01-01' },
        { rule: 'LW-PGB-014', reason: 'single replica during the migration window', expires: '2099-01-01' },
      );
    });
    expect(policyGate([{ config: waived, stack: synthEnvironment(waived) }])).toEqual([]);
  });
});
