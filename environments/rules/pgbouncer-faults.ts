/**
 * Rules for how PgBouncer fails: a waiting client gives up in bounded time, and a stopping pod drains its clients
 * before it is killed.
 */
import { connectionMaxAgeSeconds, MIN_CONNECTION_MAX_AGE_SECONDS } from '../../constructs/connection-max-age';
import type { EnvironmentRule } from '../validation';
import { isIntegerIn } from './formats';

const MAX_QUERY_WAIT_SECONDS = 120;

export const pgbouncerFaultRules: readonly EnvironmentRule[] = [
  ({ cluster: { pgbouncer: pg } }, c) => {
    c.check(
      'cluster.pgbouncer.queryWaitTimeoutSeconds',
      pg.queryWaitTimeoutSeconds,
      isIntegerIn(pg.queryWaitTimeoutSeconds, pg.reservePoolTimeoutSeconds + 1, MAX_QUERY_WAIT_SECONDS),
      `an integer above reservePoolTimeoutSeconds (${pg.reservePoolTimeoutSeconds}), so the reserve pool opens before clients give up, and at most ${MAX_QUERY_WAIT_SECONDS}, so a waiting request fails instead of hanging`,
    );
  },
  ({ cluster: { pgbouncer: pg }, databaseAccess: { roles } }, c) => {
    const field = 'cluster.pgbouncer.drainSeconds';
    if (
      !c.check(field, pg.drainSeconds, isIntegerIn(pg.drainSeconds, 1, 3600), 'an integer from 1 to 3600')
    ) {
      return;
    }
    for (const role of roles) {
      if (!role.login || !isIntegerIn(role.statementTimeoutMs, 1, 3_600_000)) continue;
      const maxAge = connectionMaxAgeSeconds(pg.drainSeconds, role.statementTimeoutMs);
      const needed = pg.drainSeconds - maxAge + MIN_CONNECTION_MAX_AGE_SECONDS;
      c.check(
        field,
        pg.drainSeconds,
        maxAge >= MIN_CONNECTION_MAX_AGE_SECONDS,
        `at least ${needed} = ${role.name}'s statement timeout (${role.statementTimeoutMs} ms) + a connection max age of ${MIN_CONNECTION_MAX_AGE_SECONDS} s, so its clients leave a stopping PgBouncer pod with their statement finished`,
      );
    }
  },
];
