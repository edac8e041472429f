/**
 * LW-PGR-011: Dropping a schema never cascades to its tables.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-011', () => ({
  title: 'Dropping a schema never cascades to its tables',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    'drop_cascade would delete every table of the schema with it. No scanner equivalent (a platform data-protection rule).',
  types: ['postgresql_schema'],
  test: (schema) => schema.drop_cascade === false,
}));
