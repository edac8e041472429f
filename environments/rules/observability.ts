/**
 * Rules for observability: someone receives the alerts, thresholds sit at sensible shares, the exporters are
 * pinned and fit their namespace, and the monitoring role is small (its share of the connection budget:
 * rules/connection-budget.ts).
 */
import type { EnvironmentConfig } from '../config';
import type { ComputeQuantities } from '../parts/cluster';
import type { ExporterConfig } from '../parts/observability';
import type { Checker, EnvironmentRule } from '../validation';
import { atMost, parsed, quantities, type Compute } from './cluster';
import { duplicates, isDnsLabel, isIntegerIn, isLabel, matches } from './formats';

const MAX_MONITORING_CONNECTIONS = 10;
/** The extension whose view the Postgres exporter's `--collector.stat_statements` reads. */
const STATEMENT_STATISTICS = 'pg_stat_statements';

const isShare = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && value >= min && value <= max;

/** An https URL with no user, query or fragment: nothing in it that could be a credential. */
function isPlainHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}

function checkRecipients({ observability: { recipients } }: EnvironmentConfig, c: Checker): void {
  c.check(
    'observability.recipients',
    recipients,
    recipients.emails.length + recipients.httpsEndpoints.length > 0,
    'at least one email or HTTPS endpoint: an alarm nobody receives tells nobody',
  );
  recipients.emails.forEach((email, i) =>
    c.check(
      `observability.recipients.emails[${i}]`,
      email,
      matches(email, /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/),
      'an email address',
    ),
  );
  recipients.httpsEndpoints.forEach((url, i) =>
    c.check(
      `observability.recipients.httpsEndpoints[${i}]`,
      url,
      isPlainHttpsUrl(url),
      'an https:// URL without user, query string or fragment (a credential in a URL is a secret: keep it out of config)',
    ),
  );
  for (const dup of duplicates([...recipients.emails, ...recipients.httpsEndpoints]))
    c.check('observability.recipients', dup, false, 'each recipient listed once');
}

function checkPolicy({ observability: { alarms } }: EnvironmentConfig, c: Checker): void {
  c.check(
    'observability.alarms.saturationShare',
    alarms.saturationShare,
    isShare(alarms.saturationShare, 0.5, 0.95),
    'a share from 0.5 to 0.95 of a capacity in use (lower pages on normal load, higher leaves no time to act)',
  );
  c.check(
    'observability.alarms.reserveShare',
    alarms.reserveShare,
    isShare(alarms.reserveShare, 0.05, 0.5),
    'a share from 0.05 to 0.5 of a reserve left',
  );
  c.check(
    'observability.alarms.sustainMinutes',
    alarms.sustainMinutes,
    isIntegerIn(alarms.sustainMinutes, 1, 60),
    'an integer from 1 to 60 minutes',
  );
}

function checkPrometheus({ observability: { prometheus } }: EnvironmentConfig, c: Checker): void {
  c.check(
    'observability.prometheus.namespace',
    prometheus.namespace,
    isDnsLabel(prometheus.namespace),
    'a namespace name (DNS-1123 label)',
  );
  c.check(
    'observability.prometheus.podLabels',
    prometheus.podLabels,
    Object.keys(prometheus.podLabels).length > 0,
    'at least one label selecting the Prometheus pods (an empty selector would admit every pod of the namespace)',
  );
  for (const [k, v] of Object.entries(prometheus.podLabels))
    c.check(
      `observability.prometheus.podLabels.${k}`,
      v,
      isLabel(k, v),
      'a valid Kubernetes label key and value',
    );
}

/** An exporter's image is pinned and its resources are valid; returns its limits when they parse. */
function checkExporter(field: string, exporter: ExporterConfig, c: Checker): Compute | undefined {
  const { image, resources } = exporter;
  c.check(
    `${field}.image.repository`,
    image.repository,
    matches(image.repository, /^[a-z0-9][a-z0-9._/-]*[a-z0-9]$/),
    'an image repository such as prometheuscommunity/pgbouncer-exporter',
  );
  c.check(
    `${field}.image.tag`,
    image.tag,
    matches(image.tag, /^v\d+\.\d+\.\d+$/),
    'a release tag vX.Y.Z (never latest)',
  );
  if (image.digest !== undefined)
    c.check(
      `${field}.image.digest`,
      image.digest,
      matches(image.digest, /^sha256:[0-9a-f]{64}$/),
      'sha256:<64 hex digits>',
    );
  const requests = quantities(c, `${field}.resources.requests`, resources.requests);
  const limits = quantities(c, `${field}.resources.limits`, resources.limits);
  atMost(
    c,
    `${field}.resources.limits`,
    requests,
    limits,
    resources.limits,
    (r) => `at least the request (${resources.requests[r]})`,
  );
  return limits;
}

/** Both exporters fit the limit range of PgBouncer's namespace (its quota: namespace-quota.ts). */
function checkExporters(env: EnvironmentConfig, c: Checker): void {
  const { observability: o, cluster } = env;
  const pg = cluster.pgbouncer;
  const sidecar = checkExporter('observability.pgbouncerExporter', o.pgbouncerExporter, c);
  const exporter = checkExporter('observability.postgresExporter', o.postgresExporter, c);
  const home = cluster.namespaces.find((n) => n.name === pg.namespace);
  if (!home || !sidecar || !exporter) return;
  const max = parsed(home.limitRange.max);
  const bounds = (field: string, limits: Compute, shown: ComputeQuantities) =>
    atMost(
      c,
      field,
      limits,
      max,
      shown,
      (r) => `at most the ${pg.namespace} limit range maximum (${home.limitRange.max[r]})`,
    );
  bounds('observability.pgbouncerExporter.resources.limits', sidecar, o.pgbouncerExporter.resources.limits);
  bounds('observability.postgresExporter.resources.limits', exporter, o.postgresExporter.resources.limits);
}

function checkMonitoringRole(env: EnvironmentConfig, c: Checker): void {
  const { database, databaseAccess } = env;
  const role = databaseAccess.monitoringRole;
  const at = 'databaseAccess.monitoringRole';
  const roleName = /^[a-z_][a-z0-9_]{0,62}$/;
  const taken = [database.masterUsername, ...databaseAccess.roles.map((r) => r.name)];
  c.check(
    `${at}.name`,
    role.name,
    matches(role.name, roleName) &&
      !/^(pg_|rds)/.test(role.name) &&
      role.name !== 'postgres' &&
      !taken.includes(role.name),
    'a lowercase identifier that is not reserved (postgres, pg_*, rds*), the master user or another role',
  );
  c.check(
    'databaseAccess.extensions.names',
    databaseAccess.extensions.names,
    databaseAccess.extensions.names.includes(STATEMENT_STATISTICS),
    `a list with ${STATEMENT_STATISTICS}: the Postgres exporter's stat_statements collector reads its view, in the extensions schema the monitoring role uses`,
  );
  c.check(
    `${at}.statementTimeoutMs`,
    role.statementTimeoutMs,
    isIntegerIn(role.statementTimeoutMs, 1000, 60000),
    'an integer from 1000 to 60000 ms',
  );
  c.check(
    `${at}.connectionLimit`,
    role.connectionLimit,
    isIntegerIn(role.connectionLimit, 1, MAX_MONITORING_CONNECTIONS),
    `an integer from 1 to ${MAX_MONITORING_CONNECTIONS}: one exporter needs one, a rollout two (the connection budget: rules/connection-budget.ts)`,
  );
}

export const observabilityRules: readonly EnvironmentRule[] = [
  checkRecipients,
  checkPolicy,
  checkPrometheus,
  checkExporters,
  checkMonitoringRole,
];
