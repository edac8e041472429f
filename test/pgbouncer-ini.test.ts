/**
 * The pgbouncer.ini renderer: what it writes for every version, and what only newer versions get.
 */
import {
  atLeast,
  parseVersion,
  renderPgBouncerIni,
  renderUserlist,
  type PgBouncerIniOptions,
} from '../charts/pgbouncer/ini';
import { getIniValue } from './support/ini-file';

const options: PgBouncerIniOptions = {
  version: '1.24.1',
  listenAddress: '0.0.0.0',
  listenPort: 6432,
  databases: [{ name: 'lightwave_platform', host: 'db.internal', port: 5432, dbname: 'lightwave_platform' }],
  authFile: '/etc/pgbouncer-auth/userlist.txt',
  defaultPoolSize: 15,
  reservePoolSize: 5,
  reservePoolTimeoutSeconds: 3,
  maxClientConnections: 500,
  queryWaitTimeoutSeconds: 15,
  maxDbConnections: 40,
  users: [
    { name: 'payload_user', maxConnections: 20 },
    { name: 'django_user', maxConnections: 20 },
  ],
  serverTlsSslMode: 'require',
  ignoreStartupParameters: ['extra_float_digits', 'options'],
  adminUsers: ['pgbouncer_admin'],
  statsUsers: ['pgbouncer_stats'],
};

describe('pgbouncer.ini', () => {
  // Rendered in each test, not once per file: the mutation run attributes each line to the tests that run it.
  const value = (key: string) => getIniValue(renderPgBouncerIni(options), 'pgbouncer', key);

  test('pools in transaction mode with SCRAM and the userlist from the Secret', () => {
    expect(value('pool_mode')).toBe('transaction');
    expect(value('auth_type')).toBe('scram-sha-256');
    expect(value('auth_file')).toBe('/etc/pgbouncer-auth/userlist.txt');
    expect(value('auth_query')).toBeUndefined();
  });

  test('talks TLS to the server and writes its pool sizes and client limit', () => {
    expect(value('server_tls_sslmode')).toBe('require');
    expect(value('server_tls_protocols')).toBe('secure');
    expect([
      value('default_pool_size'),
      value('reserve_pool_size'),
      value('max_client_conn'),
      value('max_db_connections'),
    ]).toEqual(['15', '5', '500', '40']);
  });

  test('caps each user at pool + reserve and names the console users', () => {
    expect(getIniValue(renderPgBouncerIni(options), 'users', 'payload_user')).toBe('max_user_connections=20');
    expect(value('admin_users')).toBe('pgbouncer_admin');
    expect(value('stats_users')).toBe('pgbouncer_stats');
    expect(value('ignore_startup_parameters')).toBe('extra_float_digits,options');
  });

  test('routes the database to the server', () => {
    expect(getIniValue(renderPgBouncerIni(options), 'databases', 'lightwave_platform')).toBe(
      'host=db.internal port=5432 dbname=lightwave_platform',
    );
  });

  test('recovers within a second of the server, follows a failover, and bounds how long a client waits', () => {
    const keys = ['server_login_retry', 'server_connect_timeout', 'dns_max_ttl', 'query_wait_timeout'];
    expect(keys.map(value)).toEqual(['1', '5', '5', '15']);
    const keepalive = ['tcp_keepalive', 'tcp_keepidle', 'tcp_keepintvl', 'tcp_keepcnt', 'tcp_user_timeout'];
    expect(keepalive.map(value)).toEqual(['1', '30', '10', '3', '30000']);
  });

  test('verify-full points at the CA bundle', () => {
    const full = renderPgBouncerIni({
      ...options,
      serverTlsSslMode: 'verify-full',
      serverTlsCaFile: '/etc/pgbouncer/ca.pem',
    });
    expect(getIniValue(full, 'pgbouncer', 'server_tls_ca_file')).toBe('/etc/pgbouncer/ca.pem');
    expect(value('server_tls_ca_file')).toBeUndefined();
  });

  test.each([
    ['1.18.0', undefined],
    ['1.20.1', undefined],
    ['1.21.0', '200'],
    ['1.24.1', '200'],
  ])('PgBouncer %s gets max_prepared_statements = %s', (version, expected) => {
    expect(
      getIniValue(renderPgBouncerIni({ ...options, version }), 'pgbouncer', 'max_prepared_statements'),
    ).toBe(expected);
  });

  test('fails for a version older than the renderer knows', () => {
    expect(() => renderPgBouncerIni({ ...options, version: '1.12.0' })).toThrow(
      /pgbouncer.version: 1.12.0 is not supported; allowed: 1.18.0 or newer/,
    );
  });
});

describe('the whole file', () => {
  test('for 1.24.1: sections in order, every setting written out', () => {
    expect(renderPgBouncerIni(options).split('\n')).toEqual([
      '; pgbouncer.ini for PgBouncer 1.24.1, rendered by charts/pgbouncer/ini.ts',
      '',
      '[databases]',
      'lightwave_platform = host=db.internal port=5432 dbname=lightwave_platform',
      '',
      '[users]',
      'payload_user = max_user_connections=20',
      'django_user = max_user_connections=20',
      '',
      '[pgbouncer]',
      'listen_addr = 0.0.0.0',
      'listen_port = 6432',
      'unix_socket_dir = ',
      'auth_type = scram-sha-256',
      'auth_file = /etc/pgbouncer-auth/userlist.txt',
      'admin_users = pgbouncer_admin',
      'stats_users = pgbouncer_stats',
      'pool_mode = transaction',
      'max_client_conn = 500',
      'listen_backlog = 500',
      'default_pool_size = 15',
      'reserve_pool_size = 5',
      'reserve_pool_timeout = 3',
      'max_db_connections = 40',
      'ignore_startup_parameters = extra_float_digits,options',
      'max_prepared_statements = 200',
      'server_idle_timeout = 600',
      'server_lifetime = 3600',
      'server_connect_timeout = 5',
      'server_login_retry = 1',
      'query_wait_timeout = 15',
      'dns_max_ttl = 5',
      'tcp_keepalive = 1',
      'tcp_keepidle = 30',
      'tcp_keepintvl = 10',
      'tcp_keepcnt = 3',
      'tcp_user_timeout = 30000',
      'log_connections = 1',
      'log_disconnections = 1',
      'log_pooler_errors = 1',
      'server_tls_sslmode = require',
      'server_tls_protocols = secure',
      '',
      '',
    ]);
  });

  test('lists several admin and stats users, and takes a prepared-statement cap', () => {
    const ini = renderPgBouncerIni({
      ...options,
      adminUsers: ['a1', 'a2'],
      statsUsers: ['s1', 's2'],
      maxPreparedStatements: 50,
    });
    expect(getIniValue(ini, 'pgbouncer', 'admin_users')).toBe('a1,a2');
    expect(getIniValue(ini, 'pgbouncer', 'stats_users')).toBe('s1,s2');
    expect(getIniValue(ini, 'pgbouncer', 'max_prepared_statements')).toBe('50');
  });
});

describe('versions', () => {
  test.each([
    ['1.24.1', '1.21.0', true],
    ['1.21.0', '1.21.0', true],
    ['1.20.9', '1.21.0', false],
    ['2.0.0', '1.99.99', true],
  ])('%s ≥ %s is %s', (a, b, expected) => expect(atLeast(a, b)).toBe(expected));

  test.each(['1.24', 'v1.24.1', '1.24.1.0', '1.24.x', ' 1.24.1'])('%s is not a version', (text) => {
    expect(parseVersion(text)).toBeUndefined();
    expect(() => atLeast(text, '1.0.0')).toThrow(`not a PgBouncer version: ${text}`);
    expect(() => atLeast('1.0.0', text)).toThrow(`not a PgBouncer version: ${text}`);
  });

  test('parses major, minor and patch as numbers', () => {
    expect(parseVersion('1.24.10')).toEqual([1, 24, 10]);
    expect(atLeast('1.24.10', '1.24.9')).toBe(true);
    expect(atLeast('1.9.0', '1.10.0')).toBe(false);
  });
});

describe('userlist', () => {
  test('quotes names and passwords, doubling quotes inside', () => {
    expect(renderUserlist([{ name: 'payload_user', password: 'a"b' }])).toBe('"payload_user" "a""b"\n');
  });

  test('one line per user, every quote doubled', () => {
    expect(
      renderUserlist([
        { name: 'a"b"', password: 'p""' },
        { name: 'c', password: 'd' },
      ]),
    ).toBe('"a""b""" "p""""" \n"c" "d"\n'.replace(' \n', '\n'));
  });
});
