/**
 * LW-PGB-010: Images are pinned by digest (Deployments and CronJobs).
 */
import { workloadContainers } from '../../kubernetes';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGB-010', () => ({
  title: 'Images are pinned by digest (Deployments and CronJobs)',
  severity: 'medium',
  mirrors: ['CKV_K8S_43'],
  relation: 'same',
  rationale: 'A digest pins the exact bytes; a tag can be re-pushed.',
  types: ['kubernetes_deployment_v1', 'kubernetes_cron_job_v1'],
  test: (d) => workloadContainers(d).every((c) => /@sha256:[0-9a-f]{64}$/.test(String(c.image))),
}));
