/**
 * LW-SM-003: No password is written into the configuration.
 */
import { resourceRule } from '../../rule';

/** What each type's password may be: generated at apply time. */
const GENERATED: Readonly<Record<string, RegExp>> = {
  aws_db_instance: /^\$\{random_password\.[\w-]+\.result\}$/,
  // A role's password may also be the SCRAM verifier computed from one (its program and inputs: LW-PGR-014).
  postgresql_role: /^\$\{(random_password\.[\w-]+\.result|data\.external\.[\w-]+\.result\.verifier)\}$/,
};

export default resourceRule('LW-SM-003', () => ({
  title: 'No password is written into the configuration',
  severity: 'critical',
  mirrors: ['CKV_SECRET_10'],
  relation:
    'narrower: only the password attribute of aws_db_instance and postgresql_role; the keyword detector reads every password-like key of every file',
  rationale:
    'A literal password ends up in git, the synthesized JSON and every plan. RDS takes its master password as given: a data source result there is no verifier, just a value of unknown origin.',
  types: Object.keys(GENERATED),
  test: (block, _env, address) =>
    block.password === undefined || GENERATED[address.split('.')[0]].test(String(block.password)),
}));
