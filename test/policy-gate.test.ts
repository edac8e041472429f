/**
 * The policy gate: every rule that fails on a registered environment must be waived in its config. A failing
 * rule that nobody waived fails `npm test`, naming the rule id and the address.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environments } from '../environments';
import { prod } from '../environments/prod';
import { evaluatePolicy } from '../policy/evaluate';
import { policyGate } from '../policy/gate';
import { bootstrapStacksOf, synthesizeTree } from '../synth/synthesized-tree';
import { synthEnvironment, withChange, writeCachedTree } from './support/synth';

describe('policy gate', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'lightwave-policy-'));
  const synthesized = synthesizeTree(environments, outdir, writeCachedTree);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('no failing rule goes unwaived in the registered environments', () => {
    expect(policyGate(synthesized)).toEqual([]);
  });

  test('no failing rule goes unwaived in the bootstrap stacks, and the delivery rules apply there', () => {
    const bootstraps = bootstrapStacksOf(environments, outdir);
    expect(bootstraps.map((b) => Object.keys(b.stack.resource ?? {}).length)).not.toContain(0);
    expect(policyGate(bootstraps)).toEqual([]);
    const applied = bootstraps.flatMap((b) =>
      evaluatePolicy(b)
        .filter((f) => f.outcome === 'pass')
        .map((f) => f.rule.id),
    );
    for (const id of ['LW-S3-001', 'LW-S3-004', 'LW-IAM-004', 'LW-IAM-005', 'LW-IAM-007'])
      expect(applied).toContain(id);
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
