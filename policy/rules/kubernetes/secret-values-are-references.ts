/**
 * LW-K8S-010: Secrets hold no literal credentials.
 */
import { resourceRule } from '../../rule';

/** Whether a config file holds a credential line whose value is not an apply-time reference. */
function literalCredentialLines(file: string): boolean {
  // A `name = value` line naming a credential (rclone's access_key_id, secret_access_key, pass…); inside the
  // function: the module does no work when it is imported.
  const credentialLine = /^\s*[\w.-]*(secret|password|pass|token|key_id)[\w.-]*\s*=\s*(.*)$/i;
  return file.split('\n').some((line) => {
    const value = credentialLine.exec(line)?.[2];
    return value !== undefined && value.trim() !== '' && !value.includes('${');
  });
}

export default resourceRule('LW-K8S-010', () => ({
  title: 'Secrets hold no literal credentials',
  severity: 'critical',
  mirrors: ['CKV_SECRET_10'],
  relation:
    "narrower: only Secret data keys naming a password, secret or database URL, PgBouncer and Redis user files, and the credential lines of `.conf` files (the media copy job's rclone.conf); the keyword detector reads every key of every file",
  rationale:
    'Passwords and keys are generated or computed at apply time; a literal would sit in git and in every plan.',
  types: ['kubernetes_secret_v1'],
  test: (secret) => {
    const data = (secret.data as Record<string, string> | undefined) ?? {};
    const literal = Object.keys(data).filter((k) =>
      k.endsWith('.conf')
        ? literalCredentialLines(String(data[k]))
        : /PASSWORD|SECRET|DATABASE_UR[IL]|userlist|users\.acl/i.test(k) && !String(data[k]).includes('${'),
    );
    return literal.length === 0 || `literal values in ${literal.join(', ')}`;
  },
}));
