/**
 * LW-APP-003: Extensions live in a schema of their own, never public or an application's schema.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-APP-003', () => ({
  title: "Extensions live in a schema of their own, never public or an application's schema",
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    "In public they would need PUBLIC's USAGE back; in an application schema that role would own their neighbourhood and every other role would need USAGE on its data. No scanner equivalent (PostgreSQL CREATE EXTENSION: SCHEMA).",
  types: ['postgresql_extension'],
  test: (extension, env) => {
    const ref = /^\$\{postgresql_schema\.([\w-]+)\.name\}$/.exec(String(extension.schema ?? ''));
    const schema = ref ? env.stack.resource?.postgresql_schema?.[ref[1]]?.name : extension.schema;
    const appSchemas = env.config.databaseAccess.schemas.map((s) => s.name);
    return (
      (typeof schema === 'string' && schema !== 'public' && !appSchemas.includes(schema)) ||
      `schema ${String(schema ?? '(none: the first of the search_path)')}`
    );
  },
}));
