/**
 * LW-REDIS-006: No enabled Redis user may list key names (SCAN, KEYS, RANDOMKEY, CLIENT TRACKING), nor, when confined
 * to key patterns, count every user's keys (DBSIZE, INFO).
 */
import { KEY_COUNT_COMMANDS, KEY_ENUMERATION_COMMANDS } from '../../../charts/redis/config';
import { enabledUsersVerdict } from '../../redis';
import { resourceRule } from '../../rule';

type Command = (typeof KEY_ENUMERATION_COMMANDS)[number] | (typeof KEY_COUNT_COMMANDS)[number];

/**
 * The categories of each command (redis/redis src/commands/{scan,keys,randomkey,client-tracking,dbsize,info}.json,
 * the same in Valkey 8.1): the ACL rules are replayed left to right over these, as ACLSetSelector applies them.
 */
const CATEGORIES: Readonly<Record<Command, readonly string[]>> = {
  scan: ['@keyspace', '@read', '@slow'],
  keys: ['@keyspace', '@read', '@slow', '@dangerous'],
  randomkey: ['@keyspace', '@read', '@slow'],
  'client|tracking': ['@slow', '@connection'],
  dbsize: ['@keyspace', '@read', '@fast'],
  info: ['@slow', '@dangerous'],
};

/** Whether one rule names `command`: itself, or its container (`+client` allows every CLIENT subcommand). */
const names = (rule: string, command: Command) =>
  rule.slice(1) === command || rule.slice(1) === command.split('|')[0];

/**
 * Whether `rules` leave `command` allowed (a user starts with none). Redis compares rule keywords, commands and
 * categories case-insensitively (strcasecmp, the command table's case-insensitive dict); `reset` takes every command
 * away. A selector `(…)` grants its own commands on top: allowed in one, allowed.
 */
export function allows(rules: readonly string[], command: Command): boolean {
  let allowed = false;
  for (const rule of rules.map((r) => r.toLowerCase())) {
    if (rule === 'allcommands' || rule === '+@all') allowed = true;
    else if (rule === 'nocommands' || rule === '-@all' || rule === 'reset') allowed = false;
    else if (/^[+-]@/.test(rule)) {
      if (CATEGORIES[command].includes(rule.slice(1))) allowed = rule.startsWith('+');
    } else if (/^[+-]/.test(rule) && names(rule, command)) allowed = rule.startsWith('+');
  }
  return allowed || selectors(rules).some((selector) => allows(selector, command));
}

/** The rules of each selector `(…)` still in force (`clearselectors` and `reset` drop the earlier ones). */
function selectors(rules: readonly string[]): string[][] {
  const groups = rules.join(' ').matchAll(/\(([^)]*)\)|(?:^|\s)(clearselectors|reset)(?=\s|$)/gi);
  let found: string[][] = [];
  for (const [, body, clear] of groups)
    found = clear ? [] : [...found, body.split(/\s+/).filter((r) => r !== '')];
  return found;
}

/** Whether the user may touch some key (a key pattern after the last `resetkeys`/`reset`). */
function hasKeys(rules: readonly string[]): boolean {
  const lower = rules.map((r) => r.toLowerCase());
  const from = Math.max(lower.lastIndexOf('resetkeys'), lower.lastIndexOf('reset'));
  return lower.slice(from + 1).some((r) => r === 'allkeys' || /^(~|%r?w?~)/.test(r));
}

export default resourceRule('LW-REDIS-006', () => ({
  title:
    'No enabled Redis user may list key names (SCAN, KEYS, RANDOMKEY, CLIENT TRACKING), nor, confined to key patterns, count keys (DBSIZE, INFO)',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    "Key patterns guard the keys a command names, not the names SCAN, KEYS or RANDOMKEY return nor those a CLIENT TRACKING BCAST invalidation carries (before redis/redis#15371): an application allowed them lists every other application's keys; DBSIZE and INFO count them. No scanner equivalent (Redis ACL documentation: key permissions).",
  types: ['kubernetes_secret_v1'],
  test: (secret) =>
    enabledUsersVerdict(secret, (rules) => {
      const commands = [...KEY_ENUMERATION_COMMANDS, ...(hasKeys(rules) ? KEY_COUNT_COMMANDS : [])];
      const open = commands.filter((c) => allows(rules, c));
      return open.length > 0 ? open.join(', ') : undefined;
    }),
}));
