/**
 * redis.conf directives of a ConfigMap and ACL users of a Secret, as the Redis rules read them.
 */
import type { Block } from '../synth/terraform-json';
import type { Verdict } from './rule';

/** directive → value of every `directive value` line, or undefined when the ConfigMap holds no redis.conf. */
export function redisDirectives(configMap: Block): Map<string, string> | undefined {
  const text = (configMap.data as Record<string, string> | undefined)?.['redis.conf'];
  if (text === undefined) return undefined;
  const lines = text.split('\n').filter((line) => /^\S+\s/.test(line) && !line.startsWith('#'));
  return new Map(
    lines.map((line) => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1).trim()]),
  );
}

/** ACL rules by user (`user <name> <rules…>` lines), or undefined when the Secret holds no ACL file. */
export function aclUsers(secret: Block): Map<string, string[]> | undefined {
  const text = (secret.data as Record<string, string> | undefined)?.['users.acl'];
  if (text === undefined) return undefined;
  const lines = text.split('\n').filter((line) => line.startsWith('user '));
  return new Map(lines.map((line) => line.split(/\s+/)).map(([, name, ...rules]) => [name, rules]));
}

/**
 * A user is enabled when its last `on`/`off`/`reset` says on (Redis applies ACL rules left to right, compares them
 * case-insensitively, and `reset` switches the user off; off is the default).
 */
export function isEnabled(rules: readonly string[]): boolean {
  return (
    rules
      .map((r) => r.toLowerCase())
      .filter((r) => r === 'on' || r === 'off' || r === 'reset')
      .pop() === 'on'
  );
}

/**
 * A rule's verdict on an ACL Secret: not applicable without an ACL file, a pass when `problem` finds nothing in any
 * enabled user's rules, else a failure naming each user with its problem.
 */
export function enabledUsersVerdict(
  secret: Block,
  problem: (rules: readonly string[]) => string | undefined,
): Verdict {
  const users = aclUsers(secret);
  if (!users) return null;
  const bad = [...users]
    .filter(([, rules]) => isEnabled(rules))
    .flatMap(([name, rules]) => {
      const found = problem(rules);
      return found ? [`${name}: ${found}`] : [];
    });
  return bad.length === 0 || bad.join('; ');
}
