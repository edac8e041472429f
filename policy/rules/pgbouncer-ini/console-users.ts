/**
 * LW-PGBINI-006: Admin and stats console users are dedicated users.
 */
import { iniSettings } from '../../pgbouncer-ini';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGBINI-006', () => ({
  title: 'Admin and stats console users are dedicated users',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'Application roles must not be able to pause, kill or reconfigure the pooler. No scanner equivalent (PgBouncer docs: admin_users).',
  types: ['kubernetes_config_map_v1'],
  test: (cm, env) => {
    const s = iniSettings(cm);
    if (!s) return null;
    const apps = env.config.databaseAccess.roles.map((r) => r.name);
    const consoles = [
      ...String(s.get('admin_users') ?? '').split(','),
      ...String(s.get('stats_users') ?? '').split(','),
    ].filter(Boolean);
    return consoles.length > 0 && consoles.every((u) => !apps.includes(u));
  },
}));
