/**
 * LW-REDIS-002: Every enabled Redis user has a hashed password, its own key prefix, and no dangerous command.
 */
import { enabledUsersVerdict } from '../../redis';
import { resourceRule } from '../../rule';

/** What is wrong with one user's rules, or undefined. */
function problem(rules: readonly string[]): string | undefined {
  const tooWide = ['nopass', 'allkeys', '~*', '%RW~*', 'allcommands', '+@all', '+@dangerous', '+@admin'];
  const wide = rules.filter((r) => tooWide.includes(r));
  if (wide.length > 0) return wide.join(' ');
  if (!rules.some((r) => r.startsWith('#') || r.startsWith('>'))) return 'no password';
  const commands = rules.filter((r) => /^[+-]/.test(r));
  if (commands[0] !== '-@all') return 'commands do not start from -@all';
  // A category added after the last -@dangerous brings dangerous commands back.
  const lastCategory = commands.map((r) => r.startsWith('+@')).lastIndexOf(true);
  if (lastCategory >= 0 && commands.lastIndexOf('-@dangerous') < lastCategory)
    return 'categories without -@dangerous after them';
  return undefined;
}

export default resourceRule('LW-REDIS-002', () => ({
  title: 'Every enabled Redis user has a hashed password, its own key prefix, and no dangerous command',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'One application must not read, flush or reconfigure what another caches; FLUSHALL, KEYS, CONFIG, DEBUG and MONITOR reach across every key. No scanner equivalent (Redis ACL documentation: categories, key patterns).',
  types: ['kubernetes_secret_v1'],
  test: (secret) => enabledUsersVerdict(secret, problem),
}));
