/**
 * LW-PGR-014: Role passwords reach PostgreSQL as SCRAM verifiers computed at apply time, never as plaintext: by the
 * platform's verifier program, from a generated password and a generated salt.
 */
import { SCRAM_VERIFIER_PROGRAM } from '../../../constructs/scram-verifier-program';
import { get } from '../../../synth/synthesized-environment';
import { resourceRule } from '../../rule';

/** The program's command line, exactly as ScramVerifier writes it. */
const PROGRAM = ['node', '-e', SCRAM_VERIFIER_PROGRAM];

/** `${data.external.<name>.result.verifier}`: the name of the data source, or undefined. */
const verifierSource = (password: unknown) =>
  typeof password === 'string'
    ? /^\$\{data\.external\.([\w-]+)\.result\.verifier\}$/.exec(password)?.[1]
    : undefined;

/** What the query of the verifier program must be: each key a whole reference to a generated value. */
const QUERY: Readonly<Record<string, RegExp>> = {
  password: /^\$\{random_password\.[\w-]+\.result\}$/,
  salt: /^\$\{random_bytes\.[\w-]+\.base64\}$/,
};

/** What is wrong with the data source `source` as the verifier's, or undefined. */
function problem(source: string, block: Record<string, unknown> | undefined): string | undefined {
  if (!block) return `data.external.${source} is not in the stack`;
  const program = get(block, 'program');
  if (JSON.stringify(program) !== JSON.stringify(PROGRAM))
    return `data.external.${source} does not run the platform's SCRAM verifier program (constructs/scram-verifier-program.ts)`;
  const query = (get(block, 'query') ?? {}) as Record<string, unknown>;
  const bad = Object.entries(QUERY).filter(([key, pattern]) => !pattern.test(String(query[key])));
  return bad.length === 0
    ? undefined
    : `data.external.${source} query ${bad.map(([key]) => `${key} = ${JSON.stringify(query[key])}`).join(', ')}: password must be a random_password result, salt a random_bytes base64`;
}

export default resourceRule('LW-PGR-014', () => ({
  title:
    "Role passwords reach PostgreSQL as SCRAM verifiers computed at apply time by the platform's program, from a random_password and a random_bytes salt",
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    "The provider sends `CREATE/ALTER ROLE … PASSWORD '<argument>'`: a plaintext argument lands in the server log " +
    '(log_statement = ddl, 30 days in CloudWatch; any failing statement) and in pg_stat_statements. A SCRAM verifier ' +
    "is stored as given; only the platform's own program is trusted to compute one (any other program could print the " +
    'plaintext as its "verifier"), and only from a generated password and salt. No scanner equivalent ' +
    '(cyrilgdn/postgresql #155).',
  types: ['postgresql_role'],
  test: (role, env) => {
    if (role.password === undefined) return null;
    const source = verifierSource(role.password);
    if (!source)
      return `password is ${JSON.stringify(role.password).slice(0, 60)}…, not a computed SCRAM verifier`;
    return problem(source, env.stack.data?.external?.[source]) ?? true;
  },
}));
