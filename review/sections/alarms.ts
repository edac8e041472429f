/**
 * Alarms: per environment every CloudWatch alarm with its threshold and why that number, the RDS events and who is
 * paged, and the Prometheus alert rules. Shown in an inventory, for a new environment, and when the change touches
 * an alarm, the topic, an event subscription or the rules.
 */
import { ALERTING_TYPES, alertingOf } from '../alarms';
import { blocks, bullet, code, paragraph, table, text } from '../markdown';
import { isTouched, type EnvironmentSection } from './section';

const touchesAlerting = (address: string) =>
  ALERTING_TYPES.some((t) => address.startsWith(`${t}.`)) || address.includes('alert_rules');

export const alarmsSection: EnvironmentSection = {
  id: 'alarms',
  render(verdict) {
    if (verdict.status === 'unchanged' || !isTouched(verdict, touchesAlerting)) return undefined;
    const a = alertingOf(verdict.env);
    const cell = (value: string) => code(value, { inTable: true });
    return {
      summary: `Alarms: ${a.alarms.length} CloudWatch alarms, ${a.events.length} RDS event subscriptions, ${a.rules.length} Prometheus rules`,
      body: blocks(
        paragraph(
          `Paged (alarm and OK of each alarm, every RDS event): ${a.recipients.length > 0 ? a.recipients.map((r) => code(r)).join(', ') : '**nobody**'}`,
        ),
        table(
          ['metric', 'threshold', 'evaluation'],
          a.alarms.map((r) => [cell(r.metric), text(r.threshold), text(r.evaluation)]),
        ),
        [
          ...a.alarms.map((r) =>
            bullet(`${code(r.metric)}: ${text(r.why)}. First check: ${text(r.firstCheck)}.`),
          ),
          ...a.unalarmed.map((u) => bullet(`No ${code(u.metric)} alarm: ${text(u.reason)}.`)),
        ].join('\n'),
        table(
          ['RDS event source', 'categories'],
          a.events.map((e) => [cell(e.source), text(e.categories.join(', '))]),
        ),
        a.rules
          .map((r) =>
            bullet(
              `${code(r.alert)} (${r.for ? `for ${r.for}` : 'at once'}): ${code(r.expr)} — ${text(r.why)}`,
            ),
          )
          .join('\n'),
      ),
    };
  },
};
