/**
 * A PostgreSQL SCRAM-SHA-256 verifier of a password, computed where Terraform applies (never in the synthesized
 * JSON): a random salt (random_bytes, kept in state) and an external program deriving the verifier from the password
 * and that salt, so it is the same on every plan. The role is then created with `PASSWORD 'SCRAM-SHA-256$…'`, which
 * PostgreSQL stores as given (docs: CREATE ROLE, "If the presented password string is already in MD5-encrypted or
 * SCRAM-encrypted format, then it is stored as-is"): the plaintext never reaches the server, so neither its log
 * (log_statement = ddl, an error's STATEMENT line) nor pg_stat_statements can hold it.
 *
 * Format (PostgreSQL src/common/scram-common.c scram_build_secret, RFC 5802/7677):
 *   SCRAM-SHA-256$<iterations>:<base64 salt>$<base64 StoredKey>:<base64 ServerKey>
 *   SaltedPassword = PBKDF2-HMAC-SHA-256(password, salt, iterations); ClientKey = HMAC(SaltedPassword, "Client Key");
 *   StoredKey = SHA-256(ClientKey); ServerKey = HMAC(SaltedPassword, "Server Key").
 * The password is used as given: PostgreSQL SASLpreps it first, which leaves the generated ASCII alphanumerics as they
 * are (the program refuses anything else rather than diverge).
 */
import { Bytes } from '@cdktf/provider-random/lib/bytes';
import { Construct } from 'constructs';
import { ExternalProgram } from './external-program';
import { SCRAM_VERIFIER_PROGRAM } from './scram-verifier-program';

export class ScramVerifier extends Construct {
  /** `SCRAM-SHA-256$4096:…` (a token resolved at apply time). */
  readonly verifier: string;

  constructor(scope: Construct, id: string, password: string) {
    super(scope, id);
    // 16 bytes: PostgreSQL's own salt length (SCRAM_DEFAULT_SALT_LEN).
    const salt = new Bytes(this, 'salt', { length: 16 });
    const program = new ExternalProgram(this, 'program', {
      program: ['node', '-e', SCRAM_VERIFIER_PROGRAM],
      query: { password, salt: salt.base64 },
    });
    this.verifier = program.result('verifier');
  }
}
