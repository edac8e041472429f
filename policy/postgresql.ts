/**
 * Reading postgresql_* resources out of synthesized JSON.
 */
import type { Block } from '../synth/terraform-json';
import { blocksOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';

/** The grant that revokes everything from PUBLIC on a database (or on `schema`), as [address, block]. */
export function revokeFromPublic(
  env: SynthesizedEnvironment,
  objectType: string,
  schema?: string,
): [string, Block] | undefined {
  return blocksOf(env.stack, ['postgresql_grant']).find(
    ([, g]) =>
      g.role === 'public' &&
      g.object_type === objectType &&
      (schema === undefined || g.schema === schema) &&
      Array.isArray(g.privileges) &&
      g.privileges.length === 0,
  );
}
