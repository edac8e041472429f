/**
 * LW-PGR-013: The postgresql provider connects as a non-superuser over TLS.
 */
import { stackRule } from '../../rule';

export default stackRule('LW-PGR-013', () => ({
  title: 'The postgresql provider connects as a non-superuser over TLS',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'On RDS the provider must not assume superuser; without TLS the master password crosses the tunnel in the clear. No scanner equivalent (provider config, security-rules §6).',
  when: ['postgresql_role'],
  test: (env) => {
    const p = env.stack.provider?.postgresql?.[0];
    if (!p) return { verdict: 'no postgresql provider' };
    return {
      verdict:
        (p.superuser === false && ['require', 'verify-ca', 'verify-full'].includes(String(p.sslmode))) ||
        `superuser=${p.superuser}, sslmode=${p.sslmode}`,
      address: 'provider.postgresql',
    };
  },
}));
