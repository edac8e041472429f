/**
 * LW-PGB-009: Images are pinned to a version tag, never latest.
 */
import { containers } from '../../kubernetes';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGB-009', () => ({
  title: 'Images are pinned to a version tag, never latest',
  severity: 'high',
  mirrors: ['CKV_K8S_14'],
  relation: 'stricter: an image pinned by digest alone fails (a tag is required too); the check passes it',
  rationale: 'latest changes under a running Deployment; a pinned tag changes only in a reviewed commit.',
  types: ['kubernetes_deployment_v1'],
  test: (d) =>
    containers(d).every((c) => {
      const image = String(c.image);
      const tag = image.split('@')[0].split(':')[1];
      return Boolean(tag) && tag !== 'latest';
    }),
}));
