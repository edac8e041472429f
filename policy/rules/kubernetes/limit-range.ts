/**
 * LW-K8S-004: Namespaces have a LimitRange with min, max, default and defaultRequest.
 */
import { objectsIn } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-K8S-004', () => ({
  title: 'Namespaces have a LimitRange with min, max, default and defaultRequest',
  severity: 'medium',
  mirrors: ['KSV-0039'],
  relation:
    'manifest only, stricter: every namespace must have such a LimitRange; the check judges the LimitRange objects that exist',
  rationale:
    'With a quota in place, containers that set no requests are rejected unless a LimitRange fills them in.',
  types: ['kubernetes_namespace_v1'],
  test: (ns, env) =>
    objectsIn(env.stack, 'kubernetes_limit_range_v1', String(get(ns, 'metadata', 'name'))).some(([, lr]) =>
      ((get(lr, 'spec', 'limit') as Record<string, unknown>[] | undefined) ?? []).some((l) =>
        ['type', 'min', 'max', 'default', 'default_request'].every((k) => k in l),
      ),
    ),
}));
