/**
 * LW-PGB-016: Every image the platform ships runs a release without a published advisory.
 */
import { advisoriesAffecting, imageRelease } from '../../image-advisories';
import { workloadContainers } from '../../kubernetes';
import { resourceRule } from '../../rule';

/** What is wrong with one image reference, or undefined. */
function problem(image: string): string | undefined {
  const { product, version } = imageRelease(image);
  if (!product) return `${image}: not in the advisory table (policy/image-advisories.ts)`;
  if (!version) return `${image}: cannot tell the ${product} version (tag it x.y.z)`;
  const found = advisoriesAffecting(product, version);
  return found.length === 0
    ? undefined
    : `${product} ${version} is affected by ${found.map((a) => `${a.id} (fixed in ${a.fixedIn.join(', ')})`).join(', ')}`;
}

export default resourceRule('LW-PGB-016', () => ({
  title: 'Every image the platform ships runs a release without a published advisory',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    'CVE-2026-6664 lets any client the NetworkPolicies admit crash the pooler before authenticating; CVE-2025-49844 ' +
    'runs code in Redis from a Lua script. The table of advisories (PgBouncer, Redis, Valkey, rclone, exporters) ' +
    'fails every image older than the fixing release, and every image it does not know. No scanner equivalent for ' +
    'the infrastructure code (image scanners report these CVEs only once the image is pulled).',
  types: ['kubernetes_deployment_v1', 'kubernetes_cron_job_v1'],
  test: (workload) => {
    const problems = workloadContainers(workload).flatMap((c) => problem(String(c.image)) ?? []);
    return problems.length === 0 || problems.join('; ');
  },
}));
