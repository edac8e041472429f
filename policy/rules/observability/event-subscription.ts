/**
 * LW-OBS-004: Production subscribes to the instance's and its parameter group's RDS events.
 */
import { blocksOf } from '../../../synth/synthesized-environment';
import type { Block } from '../../../synth/terraform-json';
import { stackRule } from '../../rule';

/** Categories a subscription delivers; none listed means every category. */
function delivers(subscription: Block, category: string): boolean {
  const categories = subscription.event_categories as string[] | undefined;
  return (
    subscription.enabled !== false &&
    (!categories || categories.length === 0 || categories.includes(category))
  );
}

export default stackRule('LW-OBS-004', () => ({
  title: "Production subscribes to the instance's and its parameter group's RDS events",
  severity: 'high',
  mirrors: ['RDS.20', 'RDS.21'],
  relation: {
    'RDS.20':
      'narrower: production only; within it stricter: requires the subscription to exist for this instance and to add availability, failover, low storage and notification to the control’s maintenance, configuration change and failure',
    'RDS.21':
      'narrower: production only; within it stricter: requires the subscription to exist and to cover this instance’s parameter group',
  },
  rationale:
    'Failovers, reboots, storage-full and maintenance are told by RDS itself, minutes before any metric shows them.',
  when: ['aws_db_instance'],
  test: (env) => {
    if (env.config.tier !== 'production') return { verdict: null };
    const [instanceAddress, instance] = blocksOf(env.stack, ['aws_db_instance'])[0];
    const subscriptions = blocksOf(env.stack, ['aws_db_event_subscription']).map(([, s]) => s);
    const instanceSubs = subscriptions.filter(
      (s) =>
        s.source_type === 'db-instance' &&
        ((s.source_ids as string[] | undefined) ?? []).includes(String(instance.identifier)),
    );
    // What an outage, a failover, a full disk or a maintenance reboot announce themselves as.
    const required = [
      'availability',
      'configuration change',
      'failover',
      'failure',
      'low storage',
      'maintenance',
      'notification',
    ];
    const missing = required.filter((c) => !instanceSubs.some((s) => delivers(s, c)));
    if (missing.length > 0)
      return {
        verdict: `no enabled db-instance subscription for ${missing.join(', ')}`,
        address: instanceAddress,
      };
    const group = subscriptions.some(
      (s) =>
        s.source_type === 'db-parameter-group' &&
        ((s.source_ids as string[] | undefined) ?? []).includes(String(instance.parameter_group_name)) &&
        delivers(s, 'configuration change'),
    );
    return {
      verdict: group || "no enabled configuration-change subscription for the instance's parameter group",
      address: instanceAddress,
    };
  },
}));
