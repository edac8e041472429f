/**
 * LW-PGB-012: Secrets are mounted as files, not environment variables.
 */
import { containers } from '../../kubernetes';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGB-012', () => ({
  title: 'Secrets are mounted as files, not environment variables',
  severity: 'medium',
  mirrors: ['CKV_K8S_35'],
  relation: 'same',
  rationale: 'Environment variables leak into crash dumps, child processes and kubectl describe.',
  types: ['kubernetes_deployment_v1'],
  test: (d) =>
    containers(d).every(
      (c) =>
        !JSON.stringify(c.env ?? []).includes('secret_key_ref') &&
        !JSON.stringify(c.env_from ?? []).includes('secret_ref'),
    ),
}));
