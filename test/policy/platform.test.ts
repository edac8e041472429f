/**
 * Policy rules over PostgreSQL roles and grants, Kubernetes objects, PgBouncer, Cloudflare and cost.
 */
import { SCRAM_VERIFIER_PROGRAM } from '../../constructs/scram-verifier-program';
import { prod } from '../../environments/prod';
import type { Block } from '../../synth/terraform-json';
import { policyRules } from '../../policy';
import { containers, workloadContainers } from '../../policy/kubernetes';
import { describeRules, resource, type MutableEnvironment, type RuleCase } from './support';

/** The data source computing payload_user's verifier. */
const verifierSource = (e: MutableEnvironment) =>
  e.stack.data!.external!.database_access_scram_payload_user_program as {
    program: string[];
    query: Record<string, string>;
  };
const role = (e: MutableEnvironment, name = 'payload_user') =>
  resource(e.stack, 'postgresql_role', `database_access_role_${name}`);
const grant = (e: MutableEnvironment, id: string) =>
  resource(e.stack, 'postgresql_grant', `database_access_grants_${id}`);
const namespace = (e: MutableEnvironment, id = 'shared') =>
  resource(e.stack, 'kubernetes_namespace_v1', `cluster_namespace_${id}_namespace`);
const labels = (e: MutableEnvironment, id = 'shared') =>
  (namespace(e, id).metadata as { labels: Record<string, string> }).labels;
const deployment = (e: MutableEnvironment) =>
  resource(e.stack, 'kubernetes_deployment_v1', 'cluster_pgbouncer_deployment');
const pod = (e: MutableEnvironment) => (deployment(e).spec as { template: { spec: Block } }).template.spec;
const container = (e: MutableEnvironment) => (pod(e).container as Block[])[0];
const securityContext = (e: MutableEnvironment) => container(e).security_context as Block;
const iniData = (e: MutableEnvironment) =>
  resource(e.stack, 'kubernetes_config_map_v1', 'cluster_pgbouncer_config').data as Record<string, string>;
const editIni = (e: MutableEnvironment, from: RegExp, to: string) => {
  iniData(e)['pgbouncer.ini'] = iniData(e)['pgbouncer.ini'].replace(from, to);
};
const egressTo = (e: MutableEnvironment, cidr: string) => {
  const policy = resource(e.stack, 'kubernetes_network_policy_v1', 'cluster_payload_https_egress');
  (policy.spec as { egress: { to: unknown[] }[] }).egress[0].to = [{ ip_block: { cidr } }];
};
const redisContainer = (e: MutableEnvironment) =>
  containers(resource(e.stack, 'kubernetes_deployment_v1', 'cluster_redis_deployment'))[0];
const rcloneContainer = (e: MutableEnvironment) =>
  workloadContainers(
    resource(e.stack, 'kubernetes_cron_job_v1', 'data_protection_media_copy_job_cron_job'),
  )[0];
const DEPLOYMENT = 'kubernetes_deployment_v1.cluster_pgbouncer_deployment';
const SHARED = 'kubernetes_namespace_v1.cluster_namespace_shared_namespace';

const cases: Readonly<Record<string, RuleCase>> = {
  'LW-PGR-001': {
    nonCompliant: (e) => (role(e).superuser = true),
    address: 'postgresql_role.database_access_role_payload_user',
  },
  'LW-PGR-002': {
    nonCompliant: (e) => (role(e, 'django_user').create_role = true),
    alsoNonCompliant: {
      CREATEDB: (e) => (role(e).create_database = true),
      REPLICATION: (e) => (role(e).replication = true),
      BYPASSRLS: (e) => (role(e).bypass_row_level_security = true),
      'an attribute left to the default': (e) => delete role(e).replication,
    },
  },
  'LW-PGR-014': {
    nonCompliant: (e) =>
      (role(e).password = '${random_password.database_access_password_payload_user.result}'),
    address: 'postgresql_role.database_access_role_payload_user',
    alsoNonCompliant: {
      'a literal password': (e) => (role(e, 'django_user').password = 'hunter2hunter2'),
      'a data source computing something else': (e) => {
        verifierSource(e).program = ['node', '-e', 'process.stdout.write(JSON.stringify({ verifier: "x" }))'];
      },
      "a program that only mentions 'SCRAM-SHA-256$' (and prints the plaintext)": (e) => {
        verifierSource(e).program = [
          'node',
          '-e',
          "const q = JSON.parse(require('fs').readFileSync(0)); process.stdout.write(JSON.stringify({ verifier: 'SCRAM-SHA-256$' + q.password }))",
        ];
      },
      "the platform's program with one setting changed": (e) => {
        verifierSource(e).program = ['node', '-e', SCRAM_VERIFIER_PROGRAM.replaceAll('4096', '1')];
      },
      "the platform's program run by another command": (e) => {
        verifierSource(e).program = ['/tmp/node', '-e', SCRAM_VERIFIER_PROGRAM];
      },
      'a literal password in the query': (e) => (verifierSource(e).query.password = 'hunter2hunter2'),
      'a password reference with a suffix': (e) =>
        (verifierSource(e).query.password =
          '${random_password.database_access_password_payload_user.result}x'),
      'a literal salt': (e) => (verifierSource(e).query.salt = 'c2FsdHNhbHRzYWx0c2FsdA=='),
      'a salt from another resource': (e) =>
        (verifierSource(e).query.salt = '${random_password.database_access_password_payload_user.result}'),
      'the data source missing': (e) =>
        delete e.stack.data!.external!.database_access_scram_payload_user_program,
    },
    alsoCompliant: { 'a role without a password': (e) => delete role(e).password },
  },
  'LW-PGR-003': {
    nonCompliant: (e) => delete role(e).connection_limit,
    alsoNonCompliant: { zero: (e) => (role(e).connection_limit = 0) },
  },
  'LW-PGR-004': {
    nonCompliant: (e) => (role(e).statement_timeout = 0),
    alsoNonCompliant: { unset: (e) => delete role(e).statement_timeout },
  },
  'LW-PGR-005': {
    nonCompliant: (e) => delete role(e).search_path,
    alsoNonCompliant: { empty: (e) => (role(e).search_path = []) },
  },
  'LW-PGR-006': {
    nonCompliant: (e) =>
      delete e.stack.resource!.postgresql_grant.database_access_grants_revoke_public_database,
  },
  'LW-PGR-007': { nonCompliant: (e) => (grant(e, 'revoke_public_schema_public').privileges = ['USAGE']) },
  'LW-PGR-008': {
    nonCompliant: (e) => (grant(e, 'revoke_public_database').privileges = ['CONNECT']),
    address: 'postgresql_grant.database_access_grants_revoke_public_database',
    alsoNonCompliant: {
      'future tables for PUBLIC': (e) =>
        (e.stack.resource!.postgresql_default_privileges = {
          future_tables_for_public: {
            role: 'public',
            database: 'lightwave_platform',
            schema: 'payload',
            owner: 'payload_user',
            object_type: 'table',
            privileges: ['SELECT'],
          },
        }),
    },
  },
  'LW-PGR-009': {
    nonCompliant: (e) =>
      (e.stack.resource!.postgresql_grant.twin = {
        ...grant(e, 'usage_extensions_django_user'),
        privileges: ['CREATE'],
      }),
    address: 'postgresql_grant.twin',
  },
  'LW-PGR-010': {
    nonCompliant: (e) => delete grant(e, 'connect_django_user').depends_on,
    alsoNonCompliant: {
      'an empty dependency list': (e) => (grant(e, 'connect_django_user').depends_on = []),
    },
  },
  'LW-PGR-011': {
    nonCompliant: (e) =>
      (resource(e.stack, 'postgresql_schema', 'database_access_schema_payload').drop_cascade = true),
  },
  'LW-PGR-012': {
    nonCompliant: (e) =>
      delete resource(e.stack, 'postgresql_schema', 'database_access_schema_django').lifecycle,
  },
  'LW-PGR-013': {
    nonCompliant: (e) => (e.stack.provider!.postgresql[0].sslmode = 'disable'),
    alsoCompliant: {
      'verify-full': (e) => (e.stack.provider!.postgresql[0].sslmode = 'verify-full'),
      'verify-ca': (e) => (e.stack.provider!.postgresql[0].sslmode = 'verify-ca'),
    },
    alsoNonCompliant: {
      'as superuser': (e) => (e.stack.provider!.postgresql[0].superuser = true),
      'no provider': (e) => delete e.stack.provider!.postgresql,
    },
  },

  'LW-K8S-001': {
    nonCompliant: (e) => (labels(e, 'django_api')['pod-security.kubernetes.io/enforce'] = 'privileged'),
    alsoCompliant: { baseline: (e) => (labels(e)['pod-security.kubernetes.io/enforce'] = 'baseline') },
  },
  'LW-K8S-002': {
    nonCompliant: (e) => (labels(e, 'payload_cms')['pod-security.kubernetes.io/warn'] = 'baseline'),
    alsoNonCompliant: {
      'audit laxer': (e) => (labels(e, 'payload_cms')['pod-security.kubernetes.io/audit'] = 'baseline'),
    },
  },
  'LW-K8S-003': {
    nonCompliant: (e) => delete e.stack.resource!.kubernetes_resource_quota_v1.cluster_namespace_shared_quota,
    address: SHARED,
  },
  'LW-K8S-004': {
    nonCompliant: (e) =>
      delete (
        resource(e.stack, 'kubernetes_limit_range_v1', 'cluster_namespace_shared_limit_range').spec as {
          limit: Block[];
        }
      ).limit[0].max,
    address: SHARED,
  },
  'LW-K8S-005': {
    nonCompliant: (e) =>
      delete e.stack.resource!.kubernetes_network_policy_v1.cluster_namespace_shared_default_deny,
    address: SHARED,
  },
  'LW-K8S-006': {
    nonCompliant: (e) => egressTo(e, '0.0.0.0/0'),
    address: 'kubernetes_network_policy_v1.cluster_payload_https_egress',
    alsoNonCompliant: {
      'the IPv6 internet': (e) => {
        const policy = resource(e.stack, 'kubernetes_network_policy_v1', 'cluster_payload_https_egress');
        (policy.spec as { egress: { to: unknown[] }[] }).egress[0].to = [{ ip_block: { cidr: '::/0' } }];
      },
      'the long-form IPv6 any-address': (e) => egressTo(e, '0000:0000:0000:0000:0000:0000:0000:0000/0'),
    },
  },
  'LW-K8S-007': {
    nonCompliant: (e) =>
      delete (resource(e.stack, 'kubernetes_network_policy_v1', 'cluster_pgbouncer_from_apps').spec as Block)
        .policy_types,
    alsoNonCompliant: {
      'no pod selector': (e) =>
        delete (
          resource(e.stack, 'kubernetes_network_policy_v1', 'cluster_pgbouncer_from_apps').spec as Block
        ).pod_selector,
    },
  },
  'LW-K8S-008': {
    nonCompliant: (e) =>
      ((resource(e.stack, 'kubernetes_service_v1').metadata as Block).namespace = 'default'),
    alsoNonCompliant: {
      'a service account in default': (e) =>
        (e.stack.resource!.kubernetes_service_account_v1 = {
          app: { metadata: { name: 'app', namespace: 'default' } },
        }),
    },
  },
  'LW-K8S-009': {
    nonCompliant: (e) => delete labels(e)['lightwave.media/environment'],
    alsoNonCompliant: {
      'no part-of label': (e) => delete labels(e)['app.kubernetes.io/part-of'],
      'no managed-by label': (e) => delete labels(e)['app.kubernetes.io/managed-by'],
    },
  },
  'LW-K8S-011': {
    nonCompliant: (e) => {
      const policy = resource(e.stack, 'kubernetes_network_policy_v1', 'cluster_payload_http_ingress');
      (policy.spec as { ingress: { from: unknown[] }[] }).ingress[0].from = [
        { ip_block: { cidr: prod.network.vpcCidr } },
      ];
    },
    address: 'kubernetes_network_policy_v1.cluster_payload_http_ingress',
    alsoNonCompliant: {
      "an egress ip_block wider than the VPC (the exporter's database port)": (e) => {
        const policy = resource(
          e.stack,
          'kubernetes_network_policy_v1',
          'cluster_monitoring_postgres_exporter_to_database',
        );
        (policy.spec as { egress: { to: unknown[] }[] }).egress[0].to = [
          { ip_block: { cidr: '10.0.0.0/8' } },
        ];
      },
      'the whole internet, excepting only part of the VPC': (e) => {
        const policy = resource(
          e.stack,
          'kubernetes_network_policy_v1',
          'data_protection_media_copy_job_egress',
        );
        (policy.spec as { egress: { to: unknown[] }[] }).egress[0].to = [
          { ip_block: { cidr: '0.0.0.0/0', except: ['10.20.0.0/17'] } },
        ];
      },
      'two ip_blocks, the halves of the VPC, in one ingress rule': (e) => {
        const policy = resource(e.stack, 'kubernetes_network_policy_v1', 'cluster_payload_http_ingress');
        (policy.spec as { ingress: { from: unknown[] }[] }).ingress[0].from = [
          { ip_block: { cidr: '10.20.0.0/17' } },
          { ip_block: { cidr: '10.20.128.0/17' } },
        ];
      },
      'the halves of the VPC in two egress rules': (e) => {
        const policy = resource(
          e.stack,
          'kubernetes_network_policy_v1',
          'data_protection_media_copy_job_egress',
        );
        const egress = (policy.spec as { egress: { to: unknown[] }[] }).egress;
        egress.push({ ...egress[0], to: [{ ip_block: { cidr: '10.20.128.0/17' } }] });
        egress[0].to = [...egress[0].to, { ip_block: { cidr: '10.20.0.0/17' } }];
      },
      "one block's except filled by another block": (e) => {
        const policy = resource(
          e.stack,
          'kubernetes_network_policy_v1',
          'data_protection_media_copy_job_egress',
        );
        (policy.spec as { egress: { to: unknown[] }[] }).egress[0].to = [
          { ip_block: { cidr: '0.0.0.0/0', except: [prod.network.vpcCidr] } },
          { ip_block: { cidr: '10.20.0.0/17' } },
          { ip_block: { cidr: '10.20.128.0/17' } },
        ];
      },
    },
    alsoCompliant: {
      'halves of the VPC, one for ingress, one for egress': (e) => {
        const policy = resource(e.stack, 'kubernetes_network_policy_v1', 'cluster_payload_http_ingress');
        const spec = policy.spec as { ingress: { from: unknown[] }[]; egress?: unknown[] };
        spec.ingress[0].from = [{ ip_block: { cidr: '10.20.0.0/17' } }];
        spec.egress = [{ to: [{ ip_block: { cidr: '10.20.128.0/17' } }] }];
      },
      'all of the VPC but one address': (e) => {
        const policy = resource(e.stack, 'kubernetes_network_policy_v1', 'cluster_payload_http_ingress');
        (policy.spec as { ingress: { from: unknown[] }[] }).ingress[0].from = [
          { ip_block: { cidr: '10.20.0.0/17' } },
          { ip_block: { cidr: '10.20.128.0/17', except: ['10.20.255.255/32'] } },
        ];
      },
      'the internet except the VPC': (e) => {
        const policy = resource(
          e.stack,
          'kubernetes_network_policy_v1',
          'data_protection_media_copy_job_egress',
        );
        (policy.spec as { egress: { to: unknown[] }[] }).egress[0].to = [
          { ip_block: { cidr: '0.0.0.0/0', except: [prod.network.vpcCidr] } },
        ];
      },
    },
  },
  'LW-K8S-010': {
    nonCompliant: (e) =>
      ((
        resource(e.stack, 'kubernetes_secret_v1', 'cluster_django_env').data as Record<string, string>
      ).DB_PASSWORD = 'hunter2'),
    alsoNonCompliant: {
      "a literal R2 secret in the media copy job's rclone.conf": (e) => {
        const data = resource(e.stack, 'kubernetes_secret_v1', 'data_protection_media_copy_job_config')
          .data as Record<string, string>;
        data['rclone.conf'] = data['rclone.conf'].replace(
          /secret_access_key = .*/,
          'secret_access_key = hunter2',
        );
      },
    },
    alsoCompliant: {
      'an rclone.conf credential line left empty (rclone then reads its environment)': (e) => {
        const data = resource(e.stack, 'kubernetes_secret_v1', 'data_protection_media_copy_job_config')
          .data as Record<string, string>;
        data['rclone.conf'] = data['rclone.conf'].replace(/secret_access_key = .*/, 'secret_access_key =');
      },
    },
  },

  'LW-PGB-001': {
    nonCompliant: (e) => delete securityContext(e).allow_privilege_escalation,
    address: DEPLOYMENT,
  },
  'LW-PGB-002': { nonCompliant: (e) => (securityContext(e).read_only_root_filesystem = false) },
  'LW-PGB-003': {
    nonCompliant: (e) => (securityContext(e).capabilities = { drop: ['NET_RAW'] }),
    alsoNonCompliant: {
      'a capability added back': (e) =>
        (securityContext(e).capabilities = { drop: ['ALL'], add: ['NET_ADMIN'] }),
    },
  },
  'LW-PGB-004': {
    nonCompliant: (e) => ((pod(e).security_context as Block).run_as_user = '70'),
    alsoNonCompliant: {
      'pod may run as root': (e) => ((pod(e).security_context as Block).run_as_non_root = false),
      'container may run as root': (e) => (securityContext(e).run_as_non_root = false),
      'a container UID below 10000': (e) => (securityContext(e).run_as_user = '1000'),
    },
    alsoCompliant: { 'a container UID of 10001': (e) => (securityContext(e).run_as_user = '10001') },
  },
  'LW-PGB-005': { nonCompliant: (e) => delete (pod(e).security_context as Block).seccomp_profile },
  'LW-PGB-006': {
    nonCompliant: (e) => (pod(e).host_network = true),
    alsoNonCompliant: {
      'host PID': (e) => (pod(e).host_pid = true),
      'host IPC': (e) => (pod(e).host_ipc = true),
      'privileged container': (e) => (securityContext(e).privileged = true),
      'host port': (e) => (container(e).port = [{ container_port: 6432, host_port: 6432 }]),
    },
  },
  'LW-PGB-007': {
    nonCompliant: (e) => delete (container(e).resources as Block).limits,
    alsoNonCompliant: {
      'no memory request': (e) => delete ((container(e).resources as Block).requests as Block).memory,
    },
  },
  'LW-PGB-008': {
    nonCompliant: (e) => delete container(e).liveness_probe,
    alsoNonCompliant: { 'no readiness probe': (e) => delete container(e).readiness_probe },
  },
  'LW-PGB-009': {
    nonCompliant: (e) => (container(e).image = 'ghcr.io/icoretech/pgbouncer-docker:latest'),
    alsoNonCompliant: { 'no tag': (e) => (container(e).image = 'ghcr.io/icoretech/pgbouncer-docker') },
    alsoCompliant: {
      'a tag and a digest': (e) =>
        (container(e).image = `ghcr.io/icoretech/pgbouncer-docker:1.24.1@sha256:${'a'.repeat(64)}`),
    },
  },
  'LW-PGB-010': {
    compliant: (e) => {
      // Every container of every Deployment (PgBouncer, its exporter sidecar, the Postgres exporter, Redis) and
      // of the media copy CronJob pinned.
      const workloads = [
        ...Object.values(e.stack.resource?.kubernetes_deployment_v1 ?? {}),
        ...Object.values(e.stack.resource?.kubernetes_cron_job_v1 ?? {}),
      ];
      for (const w of workloads)
        for (const c of workloadContainers(w))
          c.image = `${String(c.image).split('@')[0]}@sha256:${'a'.repeat(64)}`;
    },
    nonCompliant: (e) => (container(e).image = 'ghcr.io/icoretech/pgbouncer-docker:1.24.1'),
    alsoNonCompliant: {
      'the CronJob by tag only': (e) => (rcloneContainer(e).image = 'docker.io/rclone/rclone:1.76.0'),
      'a short digest': (e) =>
        (container(e).image = `ghcr.io/icoretech/pgbouncer-docker:1.24.1@sha256:${'a'.repeat(63)}`),
      'text after the digest': (e) =>
        (container(e).image = `ghcr.io/icoretech/pgbouncer-docker:1.24.1@sha256:${'a'.repeat(64)}x`),
    },
  },
  'LW-PGB-011': { nonCompliant: (e) => (pod(e).automount_service_account_token = true) },
  'LW-PGB-012': {
    nonCompliant: (e) =>
      (container(e).env = [{ name: 'P', value_from: { secret_key_ref: { name: 's', key: 'k' } } }]),
    alsoNonCompliant: {
      'all of a secret as variables': (e) => (container(e).env_from = [{ secret_ref: { name: 's' } }]),
    },
  },
  'LW-PGB-013': {
    nonCompliant: (e) =>
      ((resource(e.stack, 'kubernetes_pod_disruption_budget_v1').spec as Block).min_available = '3'),
    alsoNonCompliant: {
      'minAvailable 0': (e) =>
        ((resource(e.stack, 'kubernetes_pod_disruption_budget_v1').spec as Block).min_available = '0'),
      'in another namespace': (e) =>
        ((resource(e.stack, 'kubernetes_pod_disruption_budget_v1').metadata as Block).namespace = 'default'),
    },
  },
  'LW-PGB-014': {
    nonCompliant: (e) => ((deployment(e).spec as Block).replicas = '1'),
    alsoCompliant: { 'two replicas': (e) => ((deployment(e).spec as Block).replicas = '2') },
    alsoNonCompliant: { 'replicas unset': (e) => delete (deployment(e).spec as Block).replicas },
  },
  'LW-PGB-015': {
    nonCompliant: (e) => (container(e).image_pull_policy = 'IfNotPresent'),
    alsoCompliant: {
      'pinned by digest': (e) => {
        container(e).image = `ghcr.io/icoretech/pgbouncer-docker:1.24.1@sha256:${'a'.repeat(64)}`;
        container(e).image_pull_policy = 'IfNotPresent';
      },
    },
  },
  'LW-PGB-016': {
    nonCompliant: (e) => (container(e).image = 'ghcr.io/icoretech/pgbouncer-docker:1.24.1'),
    address: DEPLOYMENT,
    alsoNonCompliant: {
      'an image without a version tag': (e) =>
        (container(e).image = `ghcr.io/icoretech/pgbouncer-docker@sha256:${'a'.repeat(64)}`),
      'an image the advisory table does not know': (e) =>
        ((pod(e).container as Block[])[1].image = 'example.org/some-exporter:1.0.0'),
      'a Redis image with a listed advisory (7.0.15: CVE-2024-31449, CVE-2025-49844)': (e) =>
        (redisContainer(e).image = 'docker.io/library/redis:7.0.15-alpine'),
      'a Valkey image before the Lua fixes': (e) =>
        (redisContainer(e).image = 'docker.io/valkey/valkey:8.1.3'),
      "the media copy CronJob's rclone before 1.75.0": (e) =>
        (rcloneContainer(e).image = 'rclone/rclone:1.68.2'),
      'a look-alike repository ending in valkey (another publisher)': (e) =>
        (redisContainer(e).image = 'evil.io/x/valkey:8.1.11'),
      'a private mirror of PgBouncer, not listed in the table': (e) =>
        (container(e).image = `registry.local:5000/pgbouncer:v1.25.2@sha256:${'a'.repeat(64)}`),
    },
    alsoCompliant: {
      'a v-prefixed tag pinned by digest': (e) =>
        (container(e).image = `ghcr.io/icoretech/pgbouncer-docker:v1.25.2@sha256:${'a'.repeat(64)}`),
      'Redis on a maintained line past every listed fix': (e) =>
        (redisContainer(e).image = 'docker.io/library/redis:7.4.6-alpine'),
    },
  },

  'LW-PGBINI-001': {
    nonCompliant: (e) => editIni(e, /server_tls_sslmode = require/, 'server_tls_sslmode = prefer'),
    alsoCompliant: {
      'verify-ca': (e) => editIni(e, /server_tls_sslmode = require/, 'server_tls_sslmode = verify-ca'),
      'verify-full': (e) => editIni(e, /server_tls_sslmode = require/, 'server_tls_sslmode = verify-full'),
    },
  },
  'LW-PGBINI-002': { nonCompliant: (e) => editIni(e, /auth_type = scram-sha-256/, 'auth_type = md5') },
  'LW-PGBINI-003': { nonCompliant: (e) => editIni(e, /pool_mode = transaction/, 'pool_mode = session') },
  'LW-PGBINI-004': {
    nonCompliant: (e) => editIni(e, /server_tls_protocols = secure/, 'server_tls_protocols = all'),
    alsoCompliant: {
      'TLS 1.2 and 1.3': (e) =>
        editIni(e, /server_tls_protocols = secure/, 'server_tls_protocols = tlsv1.2,tlsv1.3'),
      'TLS 1.3': (e) => editIni(e, /server_tls_protocols = secure/, 'server_tls_protocols = tlsv1.3'),
      'unset (secure)': (e) => editIni(e, /server_tls_protocols = secure\n/, ''),
    },
  },
  'LW-PGBINI-005': {
    nonCompliant: (e) => editIni(e, /auth_file = .*/, 'auth_file = /x\nauth_query = SELECT 1'),
    alsoNonCompliant: {
      'no auth_file': (e) => editIni(e, /auth_file = .*/, ''),
      'an auth_user': (e) => editIni(e, /auth_file = .*/, 'auth_file = /x\nauth_user = pgbouncer'),
    },
  },
  'LW-PGBINI-006': {
    nonCompliant: (e) => editIni(e, /admin_users = .*/, 'admin_users = payload_user'),
    alsoNonCompliant: {
      'an application as stats user': (e) => editIni(e, /stats_users = .*/, 'stats_users = django_user'),
      'no console user': (e) => {
        editIni(e, /admin_users = .*/, 'admin_users = ');
        editIni(e, /stats_users = .*/, 'stats_users = ');
      },
    },
  },

  'LW-CF-001': { nonCompliant: (e) => (resource(e.stack, 'cloudflare_r2_managed_domain').enabled = true) },
  'LW-CF-002': {
    nonCompliant: (e) => (resource(e.stack, 'cloudflare_r2_custom_domain').min_tls = '1.0'),
    alsoCompliant: { 'TLS 1.3': (e) => (resource(e.stack, 'cloudflare_r2_custom_domain').min_tls = '1.3') },
  },
  'LW-CF-003': { nonCompliant: (e) => delete resource(e.stack, 'cloudflare_r2_bucket').lifecycle },
  'LW-CF-004': {
    nonCompliant: (e) =>
      ((
        resource(e.stack, 'cloudflare_r2_bucket_cors').rules as { allowed: { origins: string[] } }[]
      )[0].allowed.origins = ['*']),
    alsoNonCompliant: {
      'an http origin': (e) =>
        ((
          resource(e.stack, 'cloudflare_r2_bucket_cors').rules as { allowed: { origins: string[] } }[]
        )[0].allowed.origins = ['http://lightwave-media.site']),
    },
  },
  'LW-CF-005': { nonCompliant: (e) => (resource(e.stack, 'cloudflare_r2_bucket_lifecycle').rules = []) },
  'LW-CF-006': {
    nonCompliant: (e) =>
      ((resource(e.stack, 'cloudflare_account_token').policies as { resources: string }[])[0].resources =
        JSON.stringify({
          'com.cloudflare.api.account.0123456789abcdef0123456789abcdef': '*',
        })),
  },
  'LW-CF-007': {
    nonCompliant: (e) =>
      (e.stack.resource!.cloudflare_dns_record = {
        cdn: { name: 'cdn.lightwave-media.site', type: 'CNAME', content: 'x', ttl: 1, zone_id: 'z' },
      }),
  },
  'LW-CF-008': {
    nonCompliant: (e) =>
      ((
        resource(e.stack, 'cloudflare_r2_bucket_cors').rules as { allowed: { methods: string[] } }[]
      )[0].allowed.methods = ['GET', 'DELETE']),
    alsoCompliant: {
      uploads: (e) =>
        ((
          resource(e.stack, 'cloudflare_r2_bucket_cors').rules as { allowed: { methods: string[] } }[]
        )[0].allowed.methods = ['GET', 'HEAD', 'PUT']),
    },
  },

  'LW-COST-001': {
    nonCompliant: (e) => (resource(e.stack, 'aws_db_instance').instance_class = 'db.m6g.2xlarge'),
    address: 'aws_db_instance.database_instance',
  },
};

describeRules(cases);

test('every platform rule has its cases here', () => {
  const ids = policyRules.map((r) => r.id).filter((id) => /^LW-(PGR|K8S|PGB|PGBINI|CF|COST)-/.test(id));
  expect(Object.keys(cases).sort()).toEqual(ids.sort());
});

/**
 * LW-K8S-008 reads every type Checkov's CKV_K8S_21 reads (checkov/terraform/checks/resource/kubernetes/
 * DefaultNamespace.py: 13 kinds, each in its pre-v1 and v1 spelling) and the platform's own namespaced kinds; like
 * that check, an object without a namespace fails too. The synthesized stacks hold only some of these types.
 */
describe('LW-K8S-008 on every namespaced type', () => {
  const rule = policyRules.find((r) => r.id === 'LW-K8S-008')!;
  const checkovKinds = [
    'pod',
    'deployment',
    'stateful_set',
    'replication_controller',
    'job',
    'cron_job',
    'service',
  ]
    .concat(['secret', 'service_account', 'role_binding', 'config_map', 'ingress'])
    .flatMap((kind) => [`kubernetes_${kind}`, `kubernetes_${kind}_v1`]);
  const types = [
    ...checkovKinds,
    'kubernetes_daemonset',
    'kubernetes_daemon_set_v1',
    ...['limit_range', 'network_policy', 'pod_disruption_budget', 'resource_quota'].map(
      (k) => `kubernetes_${k}_v1`,
    ),
  ];
  const verdicts = (type: string, metadata: Block) =>
    rule.check({ config: prod, stack: { resource: { [type]: { app: { metadata } } } } });

  test.each(types)('%s in default or in no namespace fails, in a named one passes', (type) => {
    expect(verdicts(type, { namespace: 'default' })).toEqual([
      { status: 'fail', address: `${type}.app`, detail: 'namespace default' },
    ]);
    expect(verdicts(type, {})).toEqual([
      { status: 'fail', address: `${type}.app`, detail: 'namespace (none)' },
    ]);
    expect(verdicts(type, { namespace: 'shared' })).toEqual([{ status: 'pass', address: `${type}.app` }]);
  });
});
