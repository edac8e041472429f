/**
 * LW-PGR-014: Role passwords reach PostgreSQL as SCRAM verifiers computed at apply time, never as plaintext.
 */
import { get } from '../../../synth/synthesized-environment';
import { resourceRule } from '../../rule';

/** `${data.external.<name>.result.verifier}`: the name of the data source, or undefined. */
const verifierSource = (password: unknown) =>
  typeof password === 'string'
    ? /^\$\{data\.external\.([\w-]+)\.result\.verifier\}$/.exec(password)?.[1]
    : undefined;

export default resourceRule('LW-PGR-014', () => ({
  title: 'Role passwords reach PostgreSQL as SCRAM verifiers computed at apply time, never as plaintext',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    "The provider sends `CREATE/ALTER ROLE … PASSWORD '<argument>'`: a plaintext argument lands in the server log " +
    '(log_statement = ddl, 30 days in CloudWatch; any failing statement) and in pg_stat_statements. A SCRAM verifier ' +
    'is stored as given and logs in no one. No scanner equivalent (cyrilgdn/postgresql #155).',
  types: ['postgresql_role'],
  test: (role, env) => {
    if (role.password === undefined) return null;
    const source = verifierSource(role.password);
    if (!source)
      return `password is ${JSON.stringify(role.password).slice(0, 60)}…, not a computed SCRAM verifier`;
    const program = get(env.stack.data?.external?.[source] ?? {}, 'program') as string[] | undefined;
    return (
      (program?.join(' ').includes("'SCRAM-SHA-256$'") ?? false) ||
      `data.external.${source} does not compute a SCRAM-SHA-256 verifier`
    );
  },
}));
