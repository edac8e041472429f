/**
 * LW-SM-002: Secrets rotate within 90 days.
 */
import { resourceRule } from '../../rule';
import { blocksOf, get, type SynthesizedEnvironment } from '../../../synth/synthesized-environment';
import type { Block } from '../../../synth/terraform-json';

const MAX_DAYS = 90;

/** Days between rotations a rotation resource asks for, or why it cannot say. */
function rotationDays(rotation: Block): number | string {
  const after = get(rotation, 'rotation_rules', 'automatically_after_days');
  if (after !== undefined) return Number(after);
  const schedule = String(get(rotation, 'rotation_rules', 'schedule_expression') ?? '');
  const rate = /^rate\((\d+)\s+(minute|hour|day)s?\)$/.exec(schedule);
  const daysPerUnit: Readonly<Record<string, number>> = { minute: 1 / 1440, hour: 1 / 24, day: 1 };
  if (rate) return Number(rate[1]) * daysPerUnit[rate[2]];
  return schedule ? `${schedule} is not a rate this rule can bound` : 'no rotation_rules';
}

/** True when every rotation of the secret at `address` runs within MAX_DAYS, else why not. */
function rotatesInTime(env: SynthesizedEnvironment, address: string): true | string {
  const rotations = blocksOf(env.stack, ['aws_secretsmanager_secret_rotation']).filter(([, r]) =>
    String(r.secret_id ?? '').startsWith(`\${${address}.`),
  );
  if (rotations.length === 0) return 'no rotation';
  const days = rotations.map(([, r]) => rotationDays(r));
  const bad = days.find((d) => typeof d === 'string' || !(d > 0 && d <= MAX_DAYS));
  return bad === undefined || (typeof bad === 'string' ? bad : `rotates every ${bad} days`);
}

export default resourceRule('LW-SM-002', () => ({
  title: 'Secrets rotate within 90 days',
  severity: 'medium',
  mirrors: ['CKV2_AWS_57', 'CKV_AWS_304', 'AwsSolutions-SMG4', 'SecretsManager.1', 'SecretsManager.4'],
  relation: {
    CKV2_AWS_57: 'same',
    CKV_AWS_304:
      'stricter: a cron() schedule fails (its interval is not bounded here); the check passes any cron expression',
    'AwsSolutions-SMG4': 'same',
    'SecretsManager.1': 'same',
    'SecretsManager.4': 'same',
  },
  rationale: 'RDS-managed master secrets rotate every 7 days; any other secret needs a rotation schedule.',
  types: ['aws_db_instance', 'aws_secretsmanager_secret'],
  test: (block, env, address) => {
    if (address.startsWith('aws_db_instance'))
      return block.manage_master_user_password === true ? true : null;
    return rotatesInTime(env, address);
  },
}));
