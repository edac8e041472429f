/**
 * Config validation of observability: recipients, alarm policy, Prometheus scraper, exporters and the monitoring
 * role. Each rule fails on a bad value, naming the field, the value and what is allowed; nothing is synthesized.
 */
import type { EnvironmentConfig } from '../environments/config';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { validateEnvironments } from '../environments/validate';
import { ConfigValidationError } from '../environments/validation';
import { createPlatformApp } from '../stacks/platform-app';
import { withChange, type Writable } from './support/synth';

type Change = (env: Writable<EnvironmentConfig>) => void;

const badInputs: [string, EnvironmentConfig, Change, string, unknown][] = [
  [
    'nobody receives the alerts',
    dev,
    (e) => (e.observability.recipients = { emails: [], httpsEndpoints: [] }),
    'observability.recipients',
    { emails: [], httpsEndpoints: [] },
  ],
  [
    'an email is malformed',
    dev,
    (e) => (e.observability.recipients.emails = ['on-call']),
    'observability.recipients.emails[0]',
    'on-call',
  ],
  [
    'an HTTPS endpoint carries a key in its query string',
    prod,
    (e) => (e.observability.recipients.httpsEndpoints = ['https://alerts.example.com/sns?apiKey=abc']),
    'observability.recipients.httpsEndpoints[0]',
    'https://alerts.example.com/sns?apiKey=abc',
  ],
  [
    'an endpoint is plain HTTP',
    prod,
    (e) => (e.observability.recipients.httpsEndpoints = ['http://alerts.example.com/sns']),
    'observability.recipients.httpsEndpoints[0]',
    'http://alerts.example.com/sns',
  ],
  [
    'a recipient is listed twice',
    dev,
    (e) => (e.observability.recipients.emails = ['a@lightwave-media.site', 'a@lightwave-media.site']),
    'observability.recipients',
    'a@lightwave-media.site',
  ],
  [
    'the saturation share is 100 %',
    dev,
    (e) => (e.observability.alarms.saturationShare = 1),
    'observability.alarms.saturationShare',
    1,
  ],
  [
    'the reserve share is 0',
    dev,
    (e) => (e.observability.alarms.reserveShare = 0),
    'observability.alarms.reserveShare',
    0,
  ],
  [
    'the sustain window is a fraction of a minute',
    prod,
    (e) => (e.observability.alarms.sustainMinutes = 0.5),
    'observability.alarms.sustainMinutes',
    0.5,
  ],
  [
    'the Prometheus namespace is not a DNS label',
    dev,
    (e) => (e.observability.prometheus.namespace = 'Monitoring'),
    'observability.prometheus.namespace',
    'Monitoring',
  ],
  [
    'the Prometheus selector is empty (every pod would be admitted)',
    dev,
    (e) => (e.observability.prometheus.podLabels = {}),
    'observability.prometheus.podLabels',
    {},
  ],
  [
    'an exporter image floats on latest',
    dev,
    (e) => (e.observability.pgbouncerExporter.image.tag = 'latest'),
    'observability.pgbouncerExporter.image.tag',
    'latest',
  ],
  [
    'an exporter digest is malformed',
    prod,
    (e) => (e.observability.postgresExporter.image.digest = 'sha256:abc'),
    'observability.postgresExporter.image.digest',
    'sha256:abc',
  ],
  [
    "an exporter's limit is below its request",
    dev,
    (e) => (e.observability.postgresExporter.resources.limits.memory = '32Mi'),
    'observability.postgresExporter.resources.limits.memory',
    '32Mi',
  ],
  [
    "an exporter's limit is above the namespace's limit range",
    dev,
    (e) => (e.observability.pgbouncerExporter.resources.limits.cpu = '2'),
    'observability.pgbouncerExporter.resources.limits.cpu',
    '2',
  ],
  [
    "PgBouncer, its sidecars and the Postgres exporter exceed the namespace's quota",
    dev,
    (e) => (e.observability.pgbouncerExporter.resources.limits.memory = '2Gi'),
    'cluster.namespaces[2].quota.limits.memory',
    '4Gi',
  ],
  [
    'the monitoring role takes a reserved name',
    dev,
    (e) => (e.databaseAccess.monitoringRole.name = 'pg_monitor'),
    'databaseAccess.monitoringRole.name',
    'pg_monitor',
  ],
  [
    'the monitoring role takes an application role’s name',
    dev,
    (e) => (e.databaseAccess.monitoringRole.name = 'payload_user'),
    'databaseAccess.monitoringRole.name',
    'payload_user',
  ],
  [
    "the Postgres exporter's pg_stat_statements is not among the extensions",
    dev,
    (e) => (e.databaseAccess.extensions.names = ['pg_trgm', 'unaccent']),
    'databaseAccess.extensions.names',
    ['pg_trgm', 'unaccent'],
  ],
  [
    'the monitoring role may hold many connections',
    prod,
    (e) => (e.databaseAccess.monitoringRole.connectionLimit = 50),
    'databaseAccess.monitoringRole.connectionLimit',
    50,
  ],
  [
    'the monitoring role has a sub-second statement timeout',
    dev,
    (e) => (e.databaseAccess.monitoringRole.statementTimeoutMs = 100),
    'databaseAccess.monitoringRole.statementTimeoutMs',
    100,
  ],
  [
    "the monitoring role's connections break the connection budget",
    dev,
    (e) => (e.cluster.pgbouncer.connectionHeadroom = 16),
    'databaseAccess.monitoringRole.connectionLimit',
    3,
  ],
];

describe.each(badInputs)('fails when %s', (_what, base, change, field, value) => {
  test('naming the field, the value and what is allowed', () => {
    const failures = validateEnvironments([withChange(base, change)]);
    expect(failures).toContainEqual(
      expect.objectContaining({ field, value, allowed: expect.stringMatching(/\S{3,}/) }),
    );
  });
});

test('the budget error counts the monitoring role next to the pools', () => {
  const tight = withChange(dev, (e) => (e.cluster.pgbouncer.connectionHeadroom = 16));
  const failure = validateEnvironments([tight]).find(
    (f) => f.field === 'databaseAccess.monitoringRole.connectionLimit',
  );
  expect(failure?.allowed).toMatch(
    /2 replicas × \[.*\] \+ 3 monitoring = 59 server connections; available: .* − 16 headroom = 49/,
  );
});

test('the registered environments pass every observability rule', () => {
  expect(validateEnvironments([dev, prod])).toEqual([]);
});

test('nothing is synthesized when the alerts would reach nobody', () => {
  const silent = withChange(prod, (e) => (e.observability.recipients.emails = []));
  expect(() => createPlatformApp([dev, silent])).toThrow(ConfigValidationError);
});
