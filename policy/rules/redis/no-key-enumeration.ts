/**
 * LW-REDIS-006: No enabled Redis user may list key names (SCAN, KEYS, RANDOMKEY).
 */
import { KEY_ENUMERATION_COMMANDS } from '../../../charts/redis/config';
import { aclUsers, isEnabled } from '../../redis';
import { resourceRule } from '../../rule';

/**
 * The categories each enumeration command belongs to (redis/redis src/commands/{scan,keys,randomkey}.json, the same
 * in Valkey 8.1): the ACL rules are replayed left to right over these, as ACLSetUser applies them.
 */
const CATEGORIES: Readonly<Record<(typeof KEY_ENUMERATION_COMMANDS)[number], readonly string[]>> = {
  scan: ['@keyspace', '@read', '@slow'],
  keys: ['@keyspace', '@read', '@slow', '@dangerous'],
  randomkey: ['@keyspace', '@read', '@slow'],
};

/** Whether `rules` leave `command` allowed (a user starts with no command). */
export function allows(rules: readonly string[], command: keyof typeof CATEGORIES): boolean {
  let allowed = false;
  for (const rule of rules) {
    if (rule === 'allcommands' || rule === '+@all') allowed = true;
    else if (rule === 'nocommands' || rule === '-@all') allowed = false;
    else if (/^[+-]@/.test(rule) && CATEGORIES[command].includes(rule.slice(1))) allowed = rule[0] === '+';
    else if (rule.toLowerCase() === `+${command}` || rule.toLowerCase() === `-${command}`)
      allowed = rule[0] === '+';
  }
  return allowed;
}

export default resourceRule('LW-REDIS-006', () => ({
  title: 'No enabled Redis user may list key names (SCAN, KEYS, RANDOMKEY)',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    "Key patterns guard the keys a command names, not the names SCAN, KEYS or RANDOMKEY return: an application allowed them lists every other application's keys. No scanner equivalent (Redis ACL documentation: key permissions).",
  types: ['kubernetes_secret_v1'],
  test: (secret) => {
    const users = aclUsers(secret);
    if (!users) return null;
    const bad = [...users]
      .filter(([, rules]) => isEnabled(rules))
      .flatMap(([name, rules]) => {
        const open = KEY_ENUMERATION_COMMANDS.filter((c) => allows(rules, c));
        return open.length > 0 ? [`${name}: ${open.join(', ')}`] : [];
      });
    return bad.length === 0 || bad.join('; ');
  },
}));
