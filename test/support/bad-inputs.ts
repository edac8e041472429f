/**
 * Table-driven validation cases: each bad input must fail naming its field, the bad value and what is allowed.
 */
import type { EnvironmentConfig } from '../../environments/config';
import { validateEnvironments } from '../../environments/validate';
import { withChange, type Writable } from './synth';

export type Change = (env: Writable<EnvironmentConfig>) => void;

/** [what is wrong, base environment, change, field expected in the failure, bad value expected in the failure] */
export type BadInput = [string, EnvironmentConfig, Change, string, unknown];

export function describeBadInputs(badInputs: readonly BadInput[]): void {
  describe.each(badInputs)('fails when %s', (_what, base, change, field, value) => {
    test('naming the field, the value and what is allowed', () => {
      expect(validateEnvironments([withChange(base, change)])).toContainEqual(
        expect.objectContaining({ field, value, allowed: expect.stringMatching(/\S{3,}/) }),
      );
    });
  });
}
