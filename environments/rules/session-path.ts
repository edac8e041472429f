/**
 * Rule for the session path: every application gets its URL, so the pool has at least one connection per user and
 * replica; more than a few would turn it into a second transaction pool without its protections.
 */
import type { EnvironmentRule } from '../validation';
import { isIntegerIn } from './formats';

export const sessionPathRules: readonly EnvironmentRule[] = [
  ({ cluster: { pgbouncer: pg } }, c) => {
    c.check(
      'cluster.pgbouncer.sessionPoolSize',
      pg.sessionPoolSize,
      isIntegerIn(pg.sessionPoolSize, 1, 20),
      'an integer from 1 to 20 server connections per user and replica (LISTEN listeners, migrations, maintenance)',
    );
  },
];
