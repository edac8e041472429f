/**
 * LW-OBS-001: Every alarm notifies someone, when it fires and when it clears.
 */
import { resourceRule } from '../../rule';

const nonEmpty = (value: unknown) => Array.isArray(value) && value.length > 0;

export default resourceRule('LW-OBS-001', () => ({
  title: 'Every alarm notifies someone, when it fires and when it clears',
  severity: 'high',
  mirrors: ['CKV_AWS_319', 'HIPAA.Security-CloudWatchAlarmAction'],
  relation: {
    CKV_AWS_319:
      'stricter: also requires ALARM and OK actions; the check only refuses actions_enabled = false',
    'HIPAA.Security-CloudWatchAlarmAction':
      'stricter: requires both an ALARM and an OK action; the rule accepts any one action of the three states',
  },
  rationale:
    'An alarm without an action changes colour on a dashboard nobody watches; the OK action tells the person paged that it is over.',
  types: ['aws_cloudwatch_metric_alarm'],
  test: (alarm) => {
    if (alarm.actions_enabled === false) return 'actions_enabled is false';
    if (!nonEmpty(alarm.alarm_actions)) return 'no alarm_actions';
    return nonEmpty(alarm.ok_actions) || 'no ok_actions';
  },
}));
