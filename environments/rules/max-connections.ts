/**
 * Rule for the pinned `max_connections`: at most what the instance class's memory holds, by the conservative figure
 * of constructs/rds-instance-classes.ts, and above the superuser-reserved connections.
 */
import {
  connectionCapacity,
  findInstanceClass,
  RDS_RESERVED_CONNECTIONS,
} from '../../constructs/rds-instance-classes';
import type { EnvironmentRule } from '../validation';
import { isIntegerIn } from './formats';

/** PostgreSQL's own ceiling for max_connections. */
const POSTGRES_MAXIMUM = 262143;

export const maxConnectionsRules: readonly EnvironmentRule[] = [
  ({ database: { instanceClass, parameters } }, c) => {
    const minimum = RDS_RESERVED_CONNECTIONS + 1;
    const capacity = findInstanceClass(instanceClass) ? connectionCapacity(instanceClass) : undefined;
    c.check(
      'database.parameters.maxConnections',
      parameters.maxConnections,
      isIntegerIn(parameters.maxConnections, minimum, capacity?.maxConnections ?? POSTGRES_MAXIMUM),
      capacity
        ? `an integer from ${minimum} to ${capacity.maxConnections}, what the instance class's memory holds: ${capacity.arithmetic}`
        : `an integer from ${minimum} (above the ${RDS_RESERVED_CONNECTIONS} superuser-reserved connections)`,
    );
  },
];
