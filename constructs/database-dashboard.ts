/**
 * The CloudWatch dashboard body of a database: every alarmed metric as a graph with its threshold drawn in, and the
 * alarms' states in one widget. Pure and deterministic (the body is part of the reviewed snapshot).
 */
import type { PlannedAlarm } from './database-alarms';

export interface DashboardInput {
  readonly region: string;
  readonly identifier: string;
  readonly alarms: readonly PlannedAlarm[];
  /** ARNs of the alarms, in the order of `alarms`. */
  readonly alarmArns: readonly string[];
}

const WIDTH = 12;
const HEIGHT = 6;

function metricWidget(input: DashboardInput, alarm: PlannedAlarm, index: number) {
  return {
    type: 'metric',
    x: (index % 2) * WIDTH,
    y: HEIGHT * (1 + Math.floor(index / 2)),
    width: WIDTH,
    height: HEIGHT,
    properties: {
      title: `${alarm.metric} (${alarm.statistic})`,
      region: input.region,
      view: 'timeSeries',
      stat: alarm.statistic,
      period: alarm.periodSeconds,
      metrics: [['AWS/RDS', alarm.metric, 'DBInstanceIdentifier', input.identifier]],
      annotations: { horizontal: [{ label: `alarm ${alarm.shown}`, value: alarm.threshold }] },
    },
  };
}

/** The dashboard body JSON. */
export function databaseDashboardBody(input: DashboardInput): string {
  const status = {
    type: 'alarm',
    x: 0,
    y: 0,
    width: 2 * WIDTH,
    height: HEIGHT,
    properties: { title: `Alarms of ${input.identifier}`, alarms: [...input.alarmArns] },
  };
  return JSON.stringify({
    widgets: [status, ...input.alarms.map((alarm, i) => metricWidget(input, alarm, i))],
  });
}
