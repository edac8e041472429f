/**
 * LW-APP-006: Every pod-to-pod flow has both ends: the sender's egress and the receiver's ingress.
 */
import { blocksOf, type SynthesizedEnvironment } from '../../../synth/synthesized-environment';
import { namespaceNames } from '../../kubernetes';
import { describeFlow, matches, policyFlows, type PodFlow } from '../../network-flows';
import { resourceRule } from '../../rule';

const POLICY = 'kubernetes_network_policy_v1';

interface StackFlows {
  readonly managed: ReadonlySet<string>;
  readonly egress: readonly PodFlow[];
  readonly ingress: readonly PodFlow[];
}

/** Every flow of the stack, worked out once per evaluation (the rule judges each policy against all of them). */
const flowsOf = new WeakMap<SynthesizedEnvironment, StackFlows>();

function stackFlows(env: SynthesizedEnvironment): StackFlows {
  let flows = flowsOf.get(env);
  if (!flows) {
    const all = blocksOf(env.stack, [POLICY]).map(([, block]) => policyFlows(env.stack, block));
    flows = {
      managed: new Set(namespaceNames(env.stack).values()),
      egress: all.flatMap((f) => f.egress),
      ingress: all.flatMap((f) => f.ingress),
    };
    flowsOf.set(env, flows);
  }
  return flows;
}

export default resourceRule('LW-APP-006', () => ({
  title: 'Every pod-to-pod flow has both ends: the sender’s egress and the receiver’s ingress',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'Under default deny a flow with one end is dead: an application wired to PgBouncer or Redis on its side only fails at its first connection in production, while the plan looks complete. Each egress towards pods of a namespace the stack manages must meet an ingress there admitting the sender on that port, and each ingress from such pods the sender’s egress. No scanner equivalent (they judge one policy at a time).',
  types: [POLICY],
  test: (policy, env) => {
    const { managed, egress, ingress } = stackFlows(env);
    const own = policyFlows(env.stack, policy);
    const unmatched = (flows: readonly PodFlow[], end: 'to' | 'from', others: readonly PodFlow[]) =>
      flows.filter((f) => managed.has(f[end].namespace) && !others.some((o) => matches(f, o)));
    const missing = [
      ...unmatched(own.egress, 'to', ingress).map((f) => `egress ${describeFlow(f)} has no ingress there`),
      ...unmatched(own.ingress, 'from', egress).map((f) => `ingress ${describeFlow(f)} has no egress there`),
    ];
    return missing.length === 0 || missing.join('; ');
  },
}));
