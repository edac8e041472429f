/**
 * Policy rules over what the applications are handed: their Secrets, the network flows, the Redis cache.
 */
import type { Block } from '../../synth/terraform-json';
import { policyRules } from '../../policy';
import { describeRules, resource, type MutableEnvironment, type RuleCase } from './support';

const data = (e: MutableEnvironment, type: string, name: string) =>
  resource(e.stack, type, name).data as Record<string, string>;
const acl = (e: MutableEnvironment) => data(e, 'kubernetes_secret_v1', 'cluster_redis_acl');
const editAcl = (e: MutableEnvironment, from: RegExp | string, to: string) => {
  acl(e)['users.acl'] = acl(e)['users.acl'].replace(from, to);
};
const conf = (e: MutableEnvironment) => data(e, 'kubernetes_config_map_v1', 'cluster_redis_config');
const editConf = (e: MutableEnvironment, from: RegExp, to: string) => {
  conf(e)['redis.conf'] = conf(e)['redis.conf'].replace(from, to);
};
const REDIS_ACL = 'kubernetes_secret_v1.cluster_redis_acl';
const ini = (e: MutableEnvironment) => data(e, 'kubernetes_config_map_v1', 'cluster_pgbouncer_config');
const editIni = (e: MutableEnvironment, from: RegExp, to: string) => {
  ini(e)['pgbouncer.ini'] = ini(e)['pgbouncer.ini'].replace(from, to);
};

/** Django's read switch on, reading `tables` of payload (none: the whole schema). */
const withDjangoReading = (e: MutableEnvironment, tables: string[]) => {
  e.stack.resource!.postgresql_grant.database_access_grants_tables_payload_django_user = {
    role: 'django_user',
    database: 'lightwave_platform',
    schema: 'payload',
    object_type: 'table',
    privileges: ['SELECT'],
    ...(tables.length > 0 ? { objects: tables } : {}),
  };
};
const REDIS_CONF = 'kubernetes_config_map_v1.cluster_redis_config';

interface PolicyRule {
  ports: { port: string }[];
  to?: Block[];
  from?: Block[];
}
const policySpec = (e: MutableEnvironment, name: string) =>
  resource(e.stack, 'kubernetes_network_policy_v1', name).spec as Record<string, unknown>;
/** The peers of a NetworkPolicy's first rule in one direction. */
const peers = (e: MutableEnvironment, name: string, direction: 'ingress' | 'egress', side: 'from' | 'to') =>
  (policySpec(e, name)[direction] as PolicyRule[])[0][side] as Block[];

const cases: Readonly<Record<string, RuleCase>> = {
  'LW-APP-001': {
    nonCompliant: (e) =>
      (data(e, 'kubernetes_secret_v1', 'cluster_django_env').CACHE_URL = 'redis://django:pw@redis:6379/0'),
    address: 'kubernetes_secret_v1.cluster_django_env',
    alsoNonCompliant: {
      'a secret variable missing from its Secret': (e) =>
        delete data(e, 'kubernetes_secret_v1', 'cluster_payload_env').PAYLOAD_SECRET,
    },
  },
  'LW-APP-002': {
    nonCompliant: (e) => {
      const spec = resource(e.stack, 'kubernetes_network_policy_v1', 'cluster_redis_from_apps').spec as {
        ingress: { from: Block[] }[];
      };
      delete spec.ingress[0].from[0].pod_selector;
    },
    address: 'kubernetes_network_policy_v1.cluster_redis_from_apps',
    alsoNonCompliant: {
      'an egress peer with an empty pod selector': (e) => {
        const spec = resource(e.stack, 'kubernetes_network_policy_v1', 'cluster_django_to_redis').spec as {
          egress: { to: Block[] }[];
        };
        spec.egress[0].to[0].pod_selector = { match_labels: {} };
      },
    },
  },
  'LW-APP-003': {
    nonCompliant: (e) =>
      (resource(e.stack, 'postgresql_extension', 'database_access_extension_pg_trgm').schema = 'public'),
    address: 'postgresql_extension.database_access_extension_pg_trgm',
    alsoNonCompliant: {
      'no schema (the first of the search_path)': (e) =>
        delete resource(e.stack, 'postgresql_extension', 'database_access_extension_unaccent').schema,
      "an application's schema": (e) =>
        (resource(e.stack, 'postgresql_extension', 'database_access_extension_unaccent').schema = 'payload'),
    },
  },
  'LW-APP-004': {
    compliant: (e) => withDjangoReading(e, ['pages', 'posts']),
    nonCompliant: (e) => withDjangoReading(e, ['pages', 'users']),
    address: 'postgresql_grant.database_access_grants_tables_payload_django_user',
    alsoNonCompliant: {
      'every table of the schema': (e) => withDjangoReading(e, []),
      'default privileges for later tables': (e) => {
        withDjangoReading(e, ['pages']);
        e.stack.resource!.postgresql_default_privileges = {
          later: {
            role: 'django_user',
            schema: 'payload',
            owner: 'payload_user',
            object_type: 'table',
            privileges: ['SELECT'],
          },
        };
      },
    },
  },
  'LW-APP-005': {
    nonCompliant: (e) => editIni(e, / pool_size=\d+ reserve_pool=0/, ''),
    address: 'kubernetes_config_map_v1.cluster_pgbouncer_config',
    alsoNonCompliant: {
      'a reserve on the session pool': (e) => editIni(e, /reserve_pool=0/, 'reserve_pool=5'),
      'no pool size on the session pool': (e) => editIni(e, / pool_size=\d+/, ''),
      'a pool size that is no number': (e) => editIni(e, / pool_size=\d+/, ' pool_size=x2'),
      'no connection cap on the session pool': (e) => editIni(e, / max_db_connections=\d+/, ''),
      'a second session entry, unbounded': (e) =>
        editIni(
          e,
          /^\[users\]/m,
          'reporting = host=db dbname=lightwave_platform pool_mode=session\n\n[users]',
        ),
      'no reset between session clients': (e) =>
        editIni(e, /server_reset_query = DISCARD ALL/, 'server_reset_query = SELECT 1'),
      'session pooling for everything': (e) => editIni(e, /^pool_mode = transaction/m, 'pool_mode = session'),
    },
  },
  'LW-APP-006': {
    nonCompliant: (e) => peers(e, 'cluster_pgbouncer_from_apps', 'ingress', 'from').pop(),
    address: 'kubernetes_network_policy_v1.cluster_django_to_pgbouncer',
    alsoNonCompliant: {
      'an ingress whose sender has no egress': (e) =>
        delete e.stack.resource!.kubernetes_network_policy_v1.cluster_django_to_payload_api,
      'an egress on a port the receiver does not admit': (e) =>
        ((policySpec(e, 'cluster_django_to_redis').egress as PolicyRule[])[0].ports[0].port = '6380'),
      'an egress to pods the receiver does not select': (e) =>
        (peers(e, 'cluster_payload_to_redis', 'egress', 'to')[0].pod_selector = {
          match_labels: { 'app.kubernetes.io/name': 'memcached' },
        }),
    },
    alsoCompliant: {
      'a flow to a namespace the stack does not manage (cluster DNS)': (e) =>
        peers(e, 'cluster_django_to_redis', 'egress', 'to').push({
          namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } },
          pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } },
        }),
      'a receiver admitting every port': (e) =>
        delete (policySpec(e, 'cluster_redis_from_apps').ingress as Partial<PolicyRule>[])[0].ports,
    },
  },
  'LW-APP-007': {
    nonCompliant: (e) => delete e.stack.resource!.kubernetes_secret_v1.cluster_django_env,
    alsoNonCompliant: {
      'a contract variable missing from the Secret': (e) =>
        delete data(e, 'kubernetes_secret_v1', 'cluster_payload_env').REDIS_URL,
      'a key the contract does not list': (e) =>
        (data(e, 'kubernetes_secret_v1', 'cluster_payload_env').DEBUG = 'true'),
      'the Secret in another namespace': (e) =>
        ((resource(e.stack, 'kubernetes_secret_v1', 'cluster_django_env').metadata as Block).namespace =
          'shared'),
      'two Secrets of the same name in the namespace': (e) =>
        (e.stack.resource!.kubernetes_secret_v1.copy = structuredClone(
          resource(e.stack, 'kubernetes_secret_v1', 'cluster_django_env'),
        )),
      'an application without a contract': (e) =>
        ((e.config.cluster.apps as Record<string, unknown>).createos = e.config.cluster.apps.django),
    },
  },
  'LW-REDIS-001': {
    nonCompliant: (e) => editAcl(e, 'user default off', 'user default on nopass'),
    address: REDIS_ACL,
    alsoNonCompliant: {
      'no default line (Redis enables the default user)': (e) => editAcl(e, /^user default .*\n/, ''),
      'switched on again further along the line': (e) =>
        editAcl(e, 'user default off', 'user default off on'),
    },
  },
  'LW-REDIS-002': {
    nonCompliant: (e) => editAcl(e, '~django:*', '~*'),
    address: REDIS_ACL,
    alsoNonCompliant: {
      'dangerous commands added back': (e) =>
        editAcl(e, /(user django .*)-@dangerous/, '$1-@dangerous +@admin'),
      'a category after the last -@dangerous': (e) =>
        editAcl(e, /(user payload .*)-@dangerous/, '$1-@dangerous +@keyspace'),
      'no password': (e) => editAcl(e, /(user payload on resetpass )#\S+/, '$1nopass'),
      'commands not starting from -@all': (e) => editAcl(e, /(user django .*resetchannels )-@all /, '$1'),
    },
    alsoCompliant: {
      'a disabled user with wide rules': (e) => (acl(e)['users.acl'] += 'user legacy off nopass ~* +@all\n'),
    },
  },
  'LW-REDIS-003': {
    nonCompliant: (e) => editConf(e, /maxmemory-policy .*/, 'maxmemory-policy noeviction'),
    address: REDIS_CONF,
    alsoNonCompliant: { 'no memory ceiling': (e) => editConf(e, /maxmemory \d+/, 'maxmemory 0') },
  },
  'LW-REDIS-004': {
    nonCompliant: (e) => editConf(e, /appendonly no/, 'appendonly yes'),
    address: REDIS_CONF,
    alsoNonCompliant: { 'RDB snapshots': (e) => editConf(e, /save ""/, 'save 3600 1') },
  },
  'LW-REDIS-005': {
    nonCompliant: (e) => editConf(e, /enable-module-command no/, 'enable-module-command yes'),
    address: REDIS_CONF,
    alsoNonCompliant: { DEBUG: (e) => editConf(e, /enable-debug-command no/, 'enable-debug-command local') },
  },
  'LW-REDIS-006': {
    nonCompliant: (e) => editAcl(e, /(user django .*) -scan/, '$1'),
    address: REDIS_ACL,
    alsoNonCompliant: {
      'SCAN allowed by name after the denial': (e) => editAcl(e, /(user payload .*)$/m, '$1 +scan'),
      'SCAN allowed by name in capitals': (e) => editAcl(e, /(user payload .*)$/m, '$1 +SCAN'),
      'RANDOMKEY through @read added back': (e) => editAcl(e, /(user payload .*)$/m, '$1 +@read'),
      'KEYS through +@all': (e) => editAcl(e, /(user django .*)$/m, '$1 +@all'),
      'KEYS through allcommands in capitals': (e) => editAcl(e, /(user django .*)$/m, '$1 ALLCOMMANDS'),
      'SCAN through a selector': (e) => editAcl(e, /(user django .*)$/m, '$1 (+scan ~django:*)'),
      'CLIENT TRACKING through @connection': (e) => editAcl(e, /(user payload .*)$/m, '$1 +@connection'),
      'CLIENT TRACKING through the CLIENT container': (e) => editAcl(e, /(user payload .*)$/m, '$1 +client'),
      'CLIENT TRACKING by name': (e) => editAcl(e, /(user payload .*)$/m, '$1 +client|tracking'),
      'DBSIZE for a user confined to a prefix': (e) => editAcl(e, /(user django .*)$/m, '$1 +dbsize'),
      'INFO for a user confined to a prefix': (e) => editAcl(e, /(user django .*)$/m, '$1 +info'),
      'a reset user switched back on with everything': (e) =>
        (acl(e)['users.acl'] += 'user legacy reset on #00 ~legacy:* +@all\n'),
    },
    alsoCompliant: {
      'a disabled user allowed everything': (e) =>
        (acl(e)['users.acl'] += 'user legacy off nopass ~* +@all\n'),
      'a user reset after it was allowed everything': (e) =>
        (acl(e)['users.acl'] += 'user legacy on #00 ~legacy:* +@all RESET\n'),
      'commands taken away again after +@all': (e) =>
        editAcl(e, /(user django .*)$/m, '$1 +@all -@keyspace -@dangerous -CLIENT'),
      'selectors cleared': (e) => editAcl(e, /(user django .*)$/m, '$1 (+scan ~django:*) clearselectors'),
      'the monitoring user, which touches no key, counts keys': (e) =>
        editAcl(e, /(user monitoring .*)$/m, '$1 +dbsize +info'),
    },
  },
};

describeRules(cases);

test('every application and Redis rule has its cases here', () => {
  const ids = policyRules.map((r) => r.id).filter((id) => /^LW-(APP|REDIS)-/.test(id));
  expect(Object.keys(cases).sort()).toEqual(ids.sort());
});
