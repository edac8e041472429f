/**
 * LW-APP-001: Every variable the application contract marks secret is an apply-time reference in its Secret.
 */
import { applicationContract } from '../../../contract/services';
import { get } from '../../../synth/synthesized-environment';
import { resourceRule } from '../../rule';

export default resourceRule('LW-APP-001', () => ({
  title: 'Every variable the application contract marks secret is an apply-time reference in its Secret',
  severity: 'critical',
  mirrors: ['CKV_SECRET_10'],
  relation:
    "narrower: only the contract's secret variables in the application Secrets; the keyword detector reads every key of every file",
  rationale:
    'Database URLs, signing secrets, cache and storage credentials are generated or computed at apply time; a literal would sit in git, in every plan and in the review report.',
  types: ['kubernetes_secret_v1'],
  test: (secret) => {
    const service = applicationContract.find((s) => s.secretName === get(secret, 'metadata', 'name'));
    if (!service) return null;
    const data = (secret.data as Record<string, string> | undefined) ?? {};
    const literal = service.variables.filter((v) => v.secret && !String(data[v.name] ?? '').includes('${'));
    return literal.length === 0 || `literal or missing: ${literal.map((v) => v.name).join(', ')}`;
  },
}));
