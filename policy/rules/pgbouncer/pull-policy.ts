/**
 * LW-PGB-015: Tag-pinned images are pulled on every start.
 */
import { containers } from '../../kubernetes';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGB-015', () => ({
  title: 'Tag-pinned images are pulled on every start',
  severity: 'low',
  mirrors: ['CKV_K8S_15'],
  relation:
    'narrower: an image pinned by digest passes with any pull policy; the check fails it unless the policy is Always or unset',
  rationale:
    'Always re-checks the registry, so a node never runs a stale copy of a re-pushed tag; digests need no pull.',
  types: ['kubernetes_deployment_v1'],
  test: (d) =>
    containers(d).every((c) => /@sha256:/.test(String(c.image)) || c.image_pull_policy === 'Always'),
}));
