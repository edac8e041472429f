/**
 * LW-APP-007: Each application of the environment has exactly one Secret, in its namespace, holding exactly its
 * contract's variables.
 */
import { applicationContract } from '../../../contract/services';
import { blocksOf, get } from '../../../synth/synthesized-environment';
import { namespaceOf } from '../../kubernetes';
import { stackRule } from '../../rule';

const SECRET = 'kubernetes_secret_v1';

export default stackRule('LW-APP-007', () => ({
  title:
    'Each application has exactly one Secret, in its namespace, holding exactly its contract’s variables',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'An application declared in the environment but handed no Secret (or one missing a variable, or with extra keys nobody documents) fails at start-up or silently runs on defaults; the contract (contract/services.ts) is the one list of what each application receives. No scanner equivalent.',
  when: ['kubernetes_namespace_v1'],
  test: (env) => {
    const secrets = blocksOf(env.stack, [SECRET]);
    const problems = Object.entries(env.config.cluster.apps).flatMap(([app, config]) => {
      const service = applicationContract.find((s) => s.app === app);
      if (!service) return [`${app}: no contract in contract/services.ts`];
      const found = secrets.filter(
        ([, s]) =>
          get(s, 'metadata', 'name') === service.secretName && namespaceOf(env.stack, s) === config.namespace,
      );
      if (found.length !== 1)
        return [`${app}: ${found.length} Secrets ${config.namespace}/${service.secretName}`];
      const keys = Object.keys((found[0][1].data as Record<string, string> | undefined) ?? {}).sort();
      const expected = service.variables.map((v) => v.name).sort();
      return keys.join() === expected.join()
        ? []
        : [`${app}: Secret keys ${keys.join(', ')} are not the contract's ${expected.join(', ')}`];
    });
    return { verdict: problems.length === 0 || problems.join('; ') };
  },
}));
