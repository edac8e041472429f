/**
 * LW-APP-004: No role but the owner is granted a sensitive table, now or through default privileges later.
 */
import type { SynthesizedEnvironment } from '../../../synth/synthesized-environment';
import type { Block } from '../../../synth/terraform-json';
import { resourceRule } from '../../rule';

/** The owner and sensitive tables of the schema a grant is on, when that schema declares sensitive tables. */
function guarded(env: SynthesizedEnvironment, grant: Block) {
  const schema = env.config.databaseAccess.schemas.find((s) => s.name === grant.schema);
  return schema && (schema.sensitiveTables ?? []).length > 0 && grant.role !== schema.owner
    ? schema
    : undefined;
}

export default resourceRule('LW-APP-004', () => ({
  title: 'No role but the owner is granted a sensitive table, now or through default privileges later',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    "Payload's users table holds password hashes and its sessions table live session ids; a grant on ALL TABLES, or default privileges, hands them to the reader as soon as a migration creates them. No scanner equivalent (PostgreSQL GRANT and ALTER DEFAULT PRIVILEGES).",
  types: ['postgresql_grant', 'postgresql_default_privileges'],
  test: (grant, env, address) => {
    const schema = guarded(env, grant);
    const privileges = (grant.privileges as string[] | undefined) ?? [];
    if (!schema || !['table', 'sequence'].includes(String(grant.object_type)) || privileges.length === 0)
      return null;
    if (address.startsWith('postgresql_default_privileges.')) return `default privileges on ${schema.name}`;
    const objects = grant.objects as string[] | undefined;
    if (!objects || objects.length === 0) return `every ${String(grant.object_type)} of ${schema.name}`;
    const exposed = objects.filter((o) => (schema.sensitiveTables ?? []).includes(o));
    return exposed.length === 0 || `sensitive: ${exposed.join(', ')}`;
  },
}));
