/**
 * LW-K8S-010: Secrets hold no literal credentials.
 */
import { resourceRule } from '../../rule';

export default resourceRule({
  id: 'LW-K8S-010',
  title: 'Secrets hold no literal credentials',
  severity: 'critical',
  mirrors: ['CKV_SECRET_10'],
  relation:
    'narrower: only Secret data keys naming a password, secret or database URL, and PgBouncer and Redis user files; the keyword detector reads every key of every file',
  rationale:
    'Passwords and keys are generated or computed at apply time; a literal would sit in git and in every plan.',
  types: ['kubernetes_secret_v1'],
  test: (secret) => {
    const data = (secret.data as Record<string, string> | undefined) ?? {};
    const literal = Object.keys(data).filter(
      (k) =>
        /PASSWORD|SECRET|DATABASE_UR[IL]|userlist|users\.acl/i.test(k) && !String(data[k]).includes('${'),
    );
    return literal.length === 0 || `literal values in ${literal.join(', ')}`;
  },
});
