/**
 * Cluster layer: namespaces, their guard rails, the PgBouncer chart and the application secrets.
 */
import { contractOf } from '../contract/lookup';
import { applicationContract } from '../contract/services';
import { apiUrlTarget } from '../contract/variables';
import { dev } from '../environments/dev';
import { synthEnvironment } from './support/synth';
import { resourcesOfType, type Block } from '../synth/terraform-json';

const stack = synthEnvironment(dev);
const metadata = (b: Block) =>
  b.metadata as {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
const byName = (type: string): Map<string, Block> =>
  new Map(
    Object.values(resourcesOfType(stack, type)).map((b) => [
      `${metadata(b).namespace ? `${nsName(metadata(b).namespace as string)}/` : ''}${metadata(b).name}`,
      b,
    ]),
  );
/** `${kubernetes_namespace_v1.cluster_namespace_shared_namespace.metadata[0].name}` → shared */
function nsName(reference: string): string {
  const match = /cluster_namespace_(\w+)_namespace/.exec(reference);
  if (!match) return reference;
  return dev.cluster.namespaces.map((n) => n.name).find((n) => n.replace(/-/g, '_') === match[1]) as string;
}

/** The namespaces of the live products. */
const APP_NAMESPACES = Object.values(dev.cluster.apps).map((app) => app.namespace);

/** The apps whose API `key`'s contract calls (`app.<callee>.api-url`). */
const calleesOf = (key: string): string[] =>
  (contractOf(applicationContract, key)?.variables ?? []).flatMap((v) => apiUrlTarget(v.source) ?? []);

describe('namespaces', () => {
  const namespaces = byName('kubernetes_namespace_v1');

  test("every declared namespace exists (each live product's and the platform's) with the platform labels", () => {
    expect([...namespaces.keys()].sort()).toEqual(dev.cluster.namespaces.map((n) => n.name).sort());
    for (const ns of namespaces.values()) {
      expect(metadata(ns).labels).toEqual(
        expect.objectContaining({
          'app.kubernetes.io/part-of': 'lightwave-platform',
          'app.kubernetes.io/managed-by': 'cdktf',
          'lightwave.media/environment': 'dev',
        }),
      );
      expect(metadata(ns).annotations?.['lightwave.media/purpose']).toMatch(/\S/);
    }
  });

  test('shared enforces the restricted Pod Security Standard; the apps enforce baseline and warn/audit restricted', () => {
    const psa = (name: string) => metadata(namespaces.get(name) as Block).labels ?? {};
    expect(psa('shared')).toEqual(
      expect.objectContaining({
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'v1.31',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
      }),
    );
    for (const app of APP_NAMESPACES) {
      expect(psa(app)).toEqual(
        expect.objectContaining({
          'pod-security.kubernetes.io/enforce': 'baseline',
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/audit': 'restricted',
        }),
      );
    }
  });

  test('each namespace has a compute quota and container defaults', () => {
    const quotas = byName('kubernetes_resource_quota_v1');
    const ranges = byName('kubernetes_limit_range_v1');
    for (const ns of dev.cluster.namespaces) {
      expect((quotas.get(`${ns.name}/compute`)?.spec as { hard: Record<string, string> }).hard).toEqual({
        'requests.cpu': ns.quota.requests.cpu,
        'requests.memory': ns.quota.requests.memory,
        'limits.cpu': ns.quota.limits.cpu,
        'limits.memory': ns.quota.limits.memory,
        pods: String(ns.quota.pods),
      });
      expect((ranges.get(`${ns.name}/container-defaults`)?.spec as { limit: unknown[] }).limit).toEqual([
        {
          type: 'Container',
          min: ns.limitRange.min,
          default_request: ns.limitRange.defaultRequest,
          default: ns.limitRange.default,
          max: ns.limitRange.max,
        },
      ]);
    }
  });
});

describe('network policies', () => {
  const policies = byName('kubernetes_network_policy_v1');

  test('every namespace denies all traffic by default and allows DNS to kube-system', () => {
    for (const ns of ['django-api', 'payload-cms', 'shared']) {
      expect(policies.get(`${ns}/default-deny-all`)?.spec).toEqual({
        pod_selector: {},
        policy_types: ['Ingress', 'Egress'],
        ingress: [],
        egress: [],
      });
      expect(policies.get(`${ns}/allow-dns`)?.spec).toEqual(
        expect.objectContaining({
          policy_types: ['Egress'],
          egress: [
            {
              to: [
                {
                  namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } },
                  pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } },
                },
              ],
              ports: [
                { port: '53', protocol: 'UDP' },
                { port: '53', protocol: 'TCP' },
              ],
            },
          ],
        }),
      );
    }
  });

  test('allow exactly the platform flows', () => {
    // Per live product: PgBouncer, Redis, the load balancer, HTTPS egress where it has ranges, and the API calls its
    // contract declares (caller's egress and callee's ingress); then the platform's own.
    const appFlows = Object.entries(dev.cluster.apps).flatMap(([key, app]) => [
      `${app.namespace}/app-to-pgbouncer`,
      `${app.namespace}/app-to-redis`,
      `${app.namespace}/http-from-load-balancer`,
      ...(app.httpsEgressCidrs.length > 0 ? [`${app.namespace}/https-egress`] : []),
      ...calleesOf(key).flatMap((callee) => [
        `${app.namespace}/${key}-to-${callee}-api`,
        `${dev.cluster.apps[callee].namespace}/${callee}-api-from-${key}`,
      ]),
    ]);
    expect([...policies.keys()].filter((k) => !/default-deny-all|allow-dns/.test(k)).sort()).toEqual(
      [
        ...appFlows,
        'shared/media-copy-egress',
        'shared/pgbouncer-from-apps',
        'shared/pgbouncer-metrics-from-prometheus',
        'shared/pgbouncer-to-database',
        'shared/postgres-exporter-from-prometheus',
        'shared/postgres-exporter-to-database',
        'shared/prometheus-to-exporters',
        'shared/redis-from-apps',
      ].sort(),
    );
  });

  test("PgBouncer accepts the app namespaces on its port and reaches only the database port in the database's subnets", () => {
    const from = policies.get('shared/pgbouncer-from-apps')?.spec as {
      ingress: { from: unknown[]; ports: unknown[] }[];
    };
    expect(from.ingress[0].ports).toEqual([{ port: '6432', protocol: 'TCP' }]);
    expect(from.ingress[0].from).toEqual(
      Object.values(dev.cluster.apps).map((app) => ({
        namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': app.namespace } },
        pod_selector: { match_labels: app.podLabels },
      })),
    );
    expect((policies.get('shared/pgbouncer-to-database')?.spec as { egress: unknown[] }).egress).toEqual([
      {
        to: dev.network.databaseSubnetCidrs.map((cidr) => ({ ip_block: { cidr } })),
        ports: [{ port: '5432', protocol: 'TCP' }],
      },
    ]);
  });

  test("Django reaches Payload's API port, and Payload accepts only Django there", () => {
    const port = [{ port: '3000', protocol: 'TCP' }];
    expect(
      (policies.get('django-api/django-to-payload-api')?.spec as { egress: { ports: unknown }[] }).egress[0]
        .ports,
    ).toEqual(port);
    expect(
      (policies.get('payload-cms/payload-api-from-django')?.spec as { ingress: { ports: unknown }[] })
        .ingress[0].ports,
    ).toEqual(port);
  });

  test('HTTPS egress goes to Cloudflare ranges only, never 0.0.0.0/0', () => {
    const egress = (
      policies.get('payload-cms/https-egress')?.spec as {
        egress: { to: { ip_block: { cidr: string } }[]; ports: unknown }[];
      }
    ).egress[0];
    expect(egress.ports).toEqual([{ port: '443', protocol: 'TCP' }]);
    expect(egress.to.map((t) => t.ip_block.cidr)).toEqual(dev.cluster.apps.payload.httpsEgressCidrs);
    expect(JSON.stringify([...policies.values()])).not.toContain('0.0.0.0/0');
  });
});

describe('PgBouncer', () => {
  const deployment = byName('kubernetes_deployment_v1').get('shared/pgbouncer') as Block;
  const pod = (
    deployment.spec as {
      template: { spec: Record<string, unknown>; metadata: { annotations: Record<string, string> } };
    }
  ).template;
  const container = (pod.spec.container as Record<string, unknown>[])[0];

  test('runs the pinned image with the configured replicas', () => {
    expect(container.image).toBe('ghcr.io/icoretech/pgbouncer-docker:1.25.2');
    expect((deployment.spec as { replicas: string }).replicas).toBe('2');
  });

  test('a stopping pod leaves the Service before PgBouncer stops accepting, then drains its clients', () => {
    expect(container.lifecycle).toEqual({ pre_stop: [{ exec: { command: ['/bin/sleep', '10'] } }] });
    expect(pod.spec.termination_grace_period_seconds).toBe(10 + dev.cluster.pgbouncer.drainSeconds);
    expect((deployment.spec as { strategy: unknown }).strategy).toEqual({
      type: 'RollingUpdate',
      rolling_update: { max_surge: '1', max_unavailable: '0' },
    });
  });

  test('writes the restricted security context out in full', () => {
    expect(container.security_context).toEqual({
      allow_privilege_escalation: false,
      privileged: false,
      read_only_root_filesystem: true,
      run_as_non_root: true,
      run_as_user: '10001',
      run_as_group: '10001',
      capabilities: { drop: ['ALL'] },
      seccomp_profile: { type: 'RuntimeDefault' },
    });
    expect(pod.spec).toEqual(
      expect.objectContaining({ automount_service_account_token: false, enable_service_links: false }),
    );
    expect(pod.spec.security_context).toEqual(
      expect.objectContaining({ run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } }),
    );
  });

  test('has requests, limits, TCP probes, zone and host spread, and rolls on config changes', () => {
    expect(container.resources).toEqual({
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { cpu: '500m', memory: '128Mi' },
    });
    expect(container.readiness_probe).toEqual(
      expect.objectContaining({ tcp_socket: [{ port: 'pgbouncer' }] }),
    );
    expect(container.liveness_probe).toEqual(
      expect.objectContaining({ tcp_socket: [{ port: 'pgbouncer' }] }),
    );
    expect(
      (pod.spec.topology_spread_constraint as { topology_key: string }[]).map((t) => t.topology_key),
    ).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(pod.metadata.annotations['checksum/config']).toBe(
      '${sha256(jsonencode(kubernetes_config_map_v1.cluster_pgbouncer_config.data))}',
    );
    expect(pod.metadata.annotations['checksum/userlist']).toBe(
      '${sha256(jsonencode(kubernetes_secret_v1.cluster_pgbouncer_userlist.data))}',
    );
  });

  test('mounts the userlist from its Secret, never through environment variables', () => {
    expect(container).not.toHaveProperty('env');
    expect(container).not.toHaveProperty('env_from');
    const userlist = byName('kubernetes_secret_v1').get('shared/pgbouncer-userlist') as Block;
    expect((userlist.data as Record<string, string>)['userlist.txt']).toBe(
      [
        ...dev.databaseAccess.roles.flatMap((r) =>
          r.login ? [`"${r.name}" "\${random_password.database_access_password_${r.name}.result}"`] : [],
        ),
        '"pgbouncer_admin" "${random_password.cluster_password_pgbouncer_admin.result}"',
        '"pgbouncer_stats" "${random_password.cluster_password_pgbouncer_stats.result}"',
        '',
      ].join('\n'),
    );
  });

  test('pgbouncer.ini forwards to the RDS endpoint over TLS', () => {
    const ini = (byName('kubernetes_config_map_v1').get('shared/pgbouncer')?.data as Record<string, string>)[
      'pgbouncer.ini'
    ];
    expect(ini).toContain(
      'lightwave_platform = host=${aws_db_instance.database_instance.address} port=5432 dbname=lightwave_platform',
    );
    expect(ini).toContain('server_tls_sslmode = require');
  });

  test('a Service on 5432 (and the metrics port) and a disruption budget keeping one pod', () => {
    expect((byName('kubernetes_service_v1').get('shared/pgbouncer')?.spec as { port: unknown }).port).toEqual(
      [
        { name: 'postgres', port: 5432, target_port: 'pgbouncer', protocol: 'TCP' },
        { name: 'metrics', port: 9127, target_port: 'metrics', protocol: 'TCP' },
      ],
    );
    expect(
      (
        byName('kubernetes_pod_disruption_budget_v1').get('shared/pgbouncer')?.spec as {
          min_available: string;
        }
      ).min_available,
    ).toBe('1');
  });

  test('a digest pins the image by content', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const pinned = synthEnvironment({
      ...dev,
      cluster: {
        ...dev.cluster,
        pgbouncer: { ...dev.cluster.pgbouncer, image: { ...dev.cluster.pgbouncer.image, digest } },
      },
    });
    const c = (
      resourcesOfType(pinned, 'kubernetes_deployment_v1').cluster_pgbouncer_deployment
        .spec as typeof deployment.spec & {
        template: { spec: { container: Record<string, unknown>[] } };
      }
    ).template.spec.container[0];
    expect(c.image).toBe(`ghcr.io/icoretech/pgbouncer-docker:1.25.2@${digest}`);
    expect(c.image_pull_policy).toBe('IfNotPresent');
  });
});

describe('application secrets', () => {
  const secrets = byName('kubernetes_secret_v1');
  const host =
    'pgbouncer.${kubernetes_namespace_v1.cluster_namespace_shared_namespace.metadata[0].name}.svc.cluster.local';

  test('payload-cms gets DATABASE_URI for payload_user through PgBouncer', () => {
    expect((secrets.get('payload-cms/payload-env')?.data as Record<string, string>).DATABASE_URI).toBe(
      `postgresql://payload_user:\${urlencode(random_password.database_access_password_payload_user.result)}@${host}:5432/lightwave_platform?sslmode=disable`,
    );
  });

  test('each app recycles its connections within the drain: drain − its statement timeout', () => {
    // dev: drain 90 s, statement timeouts 30 s.
    expect(secrets.get('payload-cms/payload-env')?.data).toEqual(
      expect.objectContaining({ DATABASE_MAX_LIFETIME_SECONDS: '60' }),
    );
    expect(secrets.get('django-api/django-env')?.data).toEqual(
      expect.objectContaining({ DB_CONN_MAX_AGE: '60' }),
    );
  });

  test('django-api gets the same for django_user, with server-side cursors off', () => {
    expect(secrets.get('django-api/django-env')?.data).toEqual(
      expect.objectContaining({
        DATABASE_URL: `postgresql://django_user:\${urlencode(random_password.database_access_password_django_user.result)}@${host}:5432/lightwave_platform?sslmode=disable`,
        DB_USER: 'django_user',
        DB_DISABLE_SERVER_SIDE_CURSORS: 'true',
      }),
    );
  });
});

describe('kubernetes provider', () => {
  test('authenticates with aws eks get-token against the pre-existing cluster', () => {
    expect(stack.provider?.kubernetes).toEqual([
      {
        host: '${data.aws_eks_cluster.eks_cluster.endpoint}',
        cluster_ca_certificate:
          '${base64decode(data.aws_eks_cluster.eks_cluster.certificate_authority[0].data)}',
        exec: [
          {
            api_version: 'client.authentication.k8s.io/v1beta1',
            command: 'aws',
            args: ['eks', 'get-token', '--cluster-name', 'lightwave-dev', '--region', 'us-east-1'],
          },
        ],
      },
    ]);
    expect(stack.data?.aws_eks_cluster).toEqual({ eks_cluster: { name: 'lightwave-dev' } });
  });
});
