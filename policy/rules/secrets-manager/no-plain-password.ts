/**
 * LW-SM-003: No password is written into the configuration.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-SM-003', () => ({
  title: 'No password is written into the configuration',
  severity: 'critical',
  mirrors: ['CKV_SECRET_10'],
  relation:
    'narrower: only the password attribute of aws_db_instance and postgresql_role; the keyword detector reads every password-like key of every file',
  rationale: 'A literal password ends up in git, the synthesized JSON and every plan.',
  types: ['aws_db_instance', 'postgresql_role'],
  // Generated at apply time: random_password's result, or the SCRAM verifier computed from it (LW-PGR-014).
  test: (block) =>
    block.password === undefined ||
    /^\$\{(random_password\.[\w-]+\.result|data\.external\.[\w-]+\.result\.verifier)\}$/.test(
      String(block.password),
    ),
}));
