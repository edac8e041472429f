/**
 * How long an application may keep one connection to PgBouncer.
 *
 * A stopping PgBouncer pod serves the clients it has for `drainSeconds`, then it is killed. A client leaves it when
 * its connection reaches the max age and is released, which can take one more statement (at most the role's
 * statement timeout). So max age + statement timeout must fit in the drain.
 */
export function connectionMaxAgeSeconds(drainSeconds: number, statementTimeoutMs: number): number {
  return drainSeconds - Math.ceil(statementTimeoutMs / 1000);
}

/** The shortest max age worth handing to an application; below it, connections churn. */
export const MIN_CONNECTION_MAX_AGE_SECONDS = 10;
