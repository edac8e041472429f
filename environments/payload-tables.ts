/**
 * Tables of Payload's schema that hold credentials, sessions or per-user records (Payload 3 with the `users` auth
 * collection of seed 001): password hashes, salts and reset tokens in `users`, live session ids in `users_sessions`,
 * each admin's preferences and document locks. No role but Payload's own may read them.
 */
export const PAYLOAD_SENSITIVE_TABLES: readonly string[] = [
  'users',
  'users_sessions',
  'payload_preferences',
  'payload_preferences_rels',
  'payload_locked_documents_rels',
];
