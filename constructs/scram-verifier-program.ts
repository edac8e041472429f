/**
 * The program behind a SCRAM-SHA-256 verifier (constructs/scram-verifier.ts, which documents the format): its own
 * module, free of cdktf, so the policy rule that checks the synthesized program (and every test loading the policy
 * registry) reads it without loading cdktf and the provider bindings.
 */

/** PostgreSQL's default (scram_iterations, 4096 in PostgreSQL 15). */
export const SCRAM_ITERATIONS = 4096;

/**
 * The program: reads {password, salt} (salt in base64), prints {verifier}. Plain concatenation, no template
 * literals: Terraform would read `$` followed by `{` in the synthesized string as an interpolation.
 */
export const SCRAM_VERIFIER_PROGRAM = [
  "const c = require('node:crypto');",
  "let input = '';",
  "process.stdin.on('data', (d) => (input += d)).on('end', () => {",
  '  const q = JSON.parse(input);',
  "  if (!/^[\\x21-\\x7e]+$/.test(q.password)) throw new Error('password: printable ASCII only (no SASLprep here)');",
  "  const salted = c.pbkdf2Sync(q.password, Buffer.from(q.salt, 'base64'), " +
    `${SCRAM_ITERATIONS}, 32, 'sha256');`,
  "  const hmac = (key) => c.createHmac('sha256', salted).update(key).digest();",
  "  const stored = c.createHash('sha256').update(hmac('Client Key')).digest('base64');",
  "  const server = hmac('Server Key').toString('base64');",
  `  const verifier = 'SCRAM-SHA-256$' + ${SCRAM_ITERATIONS} + ':' + q.salt + '$' + stored + ':' + server;`,
  '  process.stdout.write(JSON.stringify({ verifier }));',
  '});',
].join('\n');
