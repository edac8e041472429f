/**
 * What the cluster layer gives the applications beyond their Secrets: the Redis workload and the flows from every
 * app pod (web and workers) to PgBouncer and Redis, with ingress reaching web pods only.
 */
import { dev } from '../environments/dev';
import { synthEnvironment } from './support/synth';
import { resourcesOfType, type Block } from '../synth/terraform-json';

const stack = synthEnvironment(dev);
const policy = (id: string) =>
  resourcesOfType(stack, 'kubernetes_network_policy_v1')[id].spec as {
    pod_selector: { match_labels: Record<string, string> };
    ingress?: { from: Block[]; ports: unknown[] }[];
    egress?: { to: Block[]; ports: unknown[] }[];
  };
const pods = (namespace: string, labels: Record<string, string>) => ({
  namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': namespace } },
  pod_selector: { match_labels: labels },
});
const REDIS_PODS = { 'app.kubernetes.io/instance': 'redis', 'app.kubernetes.io/name': 'redis' };
const { payload, django } = dev.cluster.apps;
const web = { 'app.kubernetes.io/component': 'web' };

describe('flows', () => {
  test('Redis accepts every pod of every live product on 6379, and nothing else', () => {
    const spec = policy('cluster_redis_from_apps');
    expect(spec.pod_selector.match_labels).toEqual(REDIS_PODS);
    expect(spec.ingress).toEqual([
      {
        from: Object.values(dev.cluster.apps).map((app) => pods(app.namespace, app.podLabels)),
        ports: [{ port: '6379', protocol: 'TCP' }],
      },
    ]);
    expect(spec.egress).toBeUndefined();
  });

  test.each(Object.entries(dev.cluster.apps))(
    'every %s pod, workers included, may reach Redis',
    (key, app) => {
      const spec = policy(`cluster_${key}_to_redis`);
      expect(spec.pod_selector.match_labels).toEqual(app.podLabels);
      expect(spec.egress).toEqual([
        { to: [pods('shared', REDIS_PODS)], ports: [{ port: '6379', protocol: 'TCP' }] },
      ]);
    },
  );

  test('the load balancer reaches web pods only (workers carry no component: web)', () => {
    expect(policy('cluster_django_http_ingress').pod_selector.match_labels).toEqual({
      ...django.podLabels,
      ...web,
    });
    expect(policy('cluster_payload_http_ingress').pod_selector.match_labels).toEqual({
      ...payload.podLabels,
      ...web,
    });
  });

  test("every Django pod reaches Payload's web pods, and only those accept it", () => {
    expect(policy('cluster_django_to_payload_api').pod_selector.match_labels).toEqual(django.podLabels);
    const from = policy('cluster_payload_api_from_django');
    expect(from.pod_selector.match_labels).toEqual({ ...payload.podLabels, ...web });
    expect(from.ingress?.[0].from).toEqual([pods('django-api', django.podLabels)]);
  });
});

describe('Redis workload', () => {
  const deployment = resourcesOfType(stack, 'kubernetes_deployment_v1').cluster_redis_deployment;
  const spec = deployment.spec as { replicas: string; template: { spec: Record<string, unknown> } };
  const container = (spec.template.spec.container as Record<string, unknown>[])[0];

  test('one replica of the pinned image, running the rendered config', () => {
    expect(spec.replicas).toBe('1');
    const { image, server } = dev.cluster.redis;
    expect(container.image).toBe(`${image.repository}:${image.tag}`);
    expect(container.command).toEqual([`${server}-server`]);
    expect(container.args).toEqual(['/etc/redis/redis.conf']);
  });

  test('restricted, without a service-account token, with probes and the configured resources', () => {
    expect(container.security_context).toEqual(
      expect.objectContaining({
        allow_privilege_escalation: false,
        read_only_root_filesystem: true,
        run_as_non_root: true,
        run_as_user: '10002',
        capabilities: { drop: ['ALL'] },
      }),
    );
    expect(spec.template.spec.automount_service_account_token).toBe(false);
    expect(container.readiness_probe).toEqual(expect.objectContaining({ tcp_socket: [{ port: 'redis' }] }));
    expect(container.liveness_probe).toEqual(expect.objectContaining({ tcp_socket: [{ port: 'redis' }] }));
    expect(container.resources).toEqual({
      requests: dev.cluster.redis.resources.requests,
      limits: dev.cluster.redis.resources.limits,
    });
  });

  test('maxmemory is the configured quantity in bytes; the ACL Secret holds hashes, not passwords', () => {
    const conf = (
      resourcesOfType(stack, 'kubernetes_config_map_v1').cluster_redis_config.data as Record<string, string>
    )['redis.conf'];
    expect(conf).toContain(`maxmemory ${192 * 2 ** 20}\n`);
    const acl = (
      resourcesOfType(stack, 'kubernetes_secret_v1').cluster_redis_acl.data as Record<string, string>
    )['users.acl'];
    expect(acl).toContain('#${sha256(random_password.cluster_redis_password_django.result)}');
    expect(acl).not.toMatch(/>\$\{random_password/);
  });
});
