/**
 * Every validation check has a failing case. A check is a `.check(` call in environments/rules/ (the local setup's
 * in environments/rules/local/) or policy/waivers.ts, identified by its call chain inside those files (a helper such as `quantities()` called for quotas and for limit ranges is one
 * check per call site). Each check must run on the registered environments or the failing cases, and must be the
 * expected failure of at least one case in support/validation-cases.ts: a rule added without a failing case turns
 * this test red and names it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dev } from '../environments/dev';
import { local } from '../environments/local';
import type { LocalConfig } from '../environments/parts/local';
import { prod } from '../environments/prod';
import { validateEnvironments } from '../environments/validate';
import { validateLocal } from '../environments/validate-local';
import { Checker } from '../environments/validation';
import { waiverRules } from '../policy/waivers';
import {
  failingCases,
  localFailingCases,
  waiverCases,
  type FailingCase,
  type LocalFailingCase,
} from './support/validation-cases';

const ROOT = join(__dirname, '..');
const RULES = join(ROOT, 'environments', 'rules');
const LOCAL_RULES = join(RULES, 'local');
/** The files holding validation checks. */
const RULE_FILES = [
  ...[RULES, LOCAL_RULES].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f)),
  ),
  join(ROOT, 'policy', 'waivers.ts'),
];

interface CheckCall {
  readonly field: string;
  readonly value: unknown;
  readonly ok: boolean;
  /** `file:line` frames inside environments/rules, innermost (the `.check(` call) first. */
  readonly chain: string;
}

/** Runs a validation and records the checks it made (every one, or the failing ones), with their call chains. */
function recordChecks(run: () => void, which: 'all' | 'failing'): CheckCall[] {
  const calls: CheckCall[] = [];
  const original = Checker.prototype.check;
  const spy = jest.spyOn(Checker.prototype, 'check').mockImplementation(function (this: Checker, ...args) {
    if (which === 'failing' && args[2]) return original.apply(this, args);
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 20;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    const chain = [...stack.matchAll(/\(([^()]+\.ts):(\d+):\d+\)/g)]
      .filter(([, file]) => RULE_FILES.includes(file))
      .map(([, file, line]) => `${relative(ROOT, file)}:${line}`)
      .join(' < ');
    calls.push({ field: this.fieldAsWritten(args[0]), value: args[1], ok: args[2], chain });
    return original.apply(this, args);
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return calls.filter((c) => c.chain !== '');
}

/** The lines of the rule files that call `.check(`. */
function checkCallSites(): string[] {
  return RULE_FILES.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (/\.check\(/.test(line) ? [`${relative(ROOT, file)}:${i + 1}`] : [])),
  );
}

type AnyCase = FailingCase | LocalFailingCase;

const isExpected = (c: AnyCase, call: CheckCall) =>
  !call.ok &&
  call.field === c.expected.field &&
  (!('value' in c.expected) || JSON.stringify(call.value) === JSON.stringify(c.expected.value));

describe('validation coverage', () => {
  let byCase: { c: AnyCase; calls: CheckCall[] }[];
  const executed = new Map<string, string>(); // chain → a field it checks

  beforeAll(() => {
    // Every check of a valid run; the failing checks of each case (stack traces are slow to take).
    const validate = (c: Pick<FailingCase, 'envs' | 'today'>) =>
      validateEnvironments(c.envs(), c.today, waiverRules);
    const validateTheLocal = (setup: LocalConfig) => validateLocal(setup, [dev, prod], undefined);
    const valid = [
      ...recordChecks(() => validate({ envs: () => [dev, prod] }), 'all'),
      ...recordChecks(() => validateTheLocal(local), 'all'),
    ];
    byCase = [
      ...[...failingCases, ...waiverCases].map((c) => ({
        c,
        calls: recordChecks(() => validate(c), 'failing'),
      })),
      ...localFailingCases.map((c) => ({
        c,
        calls: recordChecks(() => validateTheLocal(c.local()), 'failing'),
      })),
    ];
    for (const call of [...valid, ...byCase.flatMap((b) => b.calls)]) executed.set(call.chain, call.field);
  });

  test('every `.check(` call site runs on the registered environments or a failing case', () => {
    const innermost = new Set([...executed.keys()].map((chain) => chain.split(' < ')[0]));
    expect(checkCallSites().filter((site) => !innermost.has(site))).toEqual([]);
  });

  test('every check is the expected failure of some failing case', () => {
    const covered = new Set(
      byCase.flatMap(({ c, calls }) => calls.filter((call) => isExpected(c, call)).map((call) => call.chain)),
    );
    const uncovered = [...executed]
      .filter(([chain]) => !covered.has(chain))
      .map(([chain, field]) => `${field} (${chain})`);
    expect(uncovered.sort()).toEqual([]);
  });

  test('every failing case fails where it says, at exactly one check', () => {
    const imprecise = byCase
      .map(({ c, calls }) => ({
        c,
        chains: new Set(calls.filter((call) => isExpected(c, call)).map((call) => call.chain)),
      }))
      .filter(({ chains }) => chains.size !== 1)
      .map(
        ({ c, chains }) => `${c.what}: ${chains.size === 0 ? 'no such failure' : [...chains].join(' and ')}`,
      );
    expect(imprecise).toEqual([]);
  });
});
