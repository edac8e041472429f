/**
 * Validation of the local development setup (environments/local.ts): each rule has a failing case naming the field,
 * the bad value and what is allowed (the cases live in support/validation-cases.ts, where
 * validation-coverage.test.ts checks that every check of environments/rules/local has one); all failures come at
 * once; nothing is written on bad input.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environments } from '../environments';
import { local } from '../environments/local';
import type { LocalConfig } from '../environments/parts/local';
import { validateLocal } from '../environments/validate-local';
import { ConfigValidationError, formatFailure } from '../environments/validation';
import { generateLocal } from '../local-dev/generate';
import { localAreaFailures } from './support/validation-areas';
import { localFailingCases } from './support/validation-cases';
import { withChange, type Writable } from './support/with-change';

type Change = (l: Writable<LocalConfig>) => void;

const changed = (change: Change): LocalConfig => withChange(local, change);

describe('valid configuration', () => {
  test('the local setup and the environment it mirrors pass every rule', () => {
    expect(validateLocal(local).map(formatFailure)).toEqual([]);
  });
});

describe.each(localFailingCases.map((c) => [c.what, c] as const))('fails when %s', (_what, c) => {
  test('naming the field, the value and what is allowed (the rules of its area alone)', () => {
    expect(localAreaFailures(c.local(), environments, c.expected.field)).toContainEqual({
      value: expect.anything(),
      allowed: expect.stringMatching(/\S{3,}/),
      ...c.expected,
    });
  });
});

describe('reporting', () => {
  test('a port taken twice names the service holding it', () => {
    const [failure] = validateLocal(changed((l) => (l.ports.objectStore = l.ports.pgbouncer)));
    expect(formatFailure(failure)).toBe(
      '[local] ports.objectStore: 6432 is not allowed; allowed: a port no other local service uses (ports.pgbouncer is 6432)',
    );
  });

  test('a tunnel port names the environment and its config', () => {
    const [failure] = validateLocal(changed((l) => (l.ports.postgres = 15432)));
    expect(failure.allowed).toBe(
      "a port other than dev's database tunnel (environments/dev.ts databaseAccess.connection 127.0.0.1:15432)",
    );
  });

  test('every failure at once, the mirrored environment’s own included', () => {
    const failures = validateLocal(
      changed((l) => {
        l.ports.postgres = 80;
        l.objectStore.region = 'mars';
        l.basedOn.database.backupRetentionDays = 0; // an environment rule, as cdktf synth would report it
      }),
    );
    expect(failures.map((f) => `${f.environment} ${f.field}`).sort()).toEqual([
      'dev database.backupRetentionDays',
      'local objectStore.region',
      'local ports.postgres',
    ]);
  });

  test('the registry given is the one checked: a port only a new environment tunnels through fails', () => {
    const staging = { ...environments[0], name: 'staging' } as (typeof environments)[number];
    const tunnel = {
      ...staging.databaseAccess,
      connection: { ...staging.databaseAccess.connection, port: 5433 },
    };
    const failures = validateLocal(local, [...environments, { ...staging, databaseAccess: tunnel }]);
    expect(failures.filter((f) => f.environment === 'local').map((f) => f.field)).toEqual(['ports.postgres']);
  });
});

describe('nothing is written on bad input', () => {
  test('generateLocal throws the list of failures and leaves no local/ behind', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lightwave-local-')), 'local');
    try {
      expect(() =>
        generateLocal(
          changed((l) => (l.ports.postgres = 80)),
          dir,
        ),
      ).toThrow(ConfigValidationError);
      expect(() =>
        generateLocal(
          changed((l) => (l.ports.postgres = 80)),
          dir,
        ),
      ).toThrow(/nothing was written to local\/:\n {2}- \[local\] ports\.postgres: 80/);
      expect(existsSync(dir)).toBe(false);
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
