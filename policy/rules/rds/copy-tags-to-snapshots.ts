/**
 * LW-RDS-013: RDS copies tags to snapshots.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-013', () => ({
  title: 'RDS copies tags to snapshots',
  severity: 'low',
  mirrors: ['CKV2_AWS_60', 'RDS.17'],
  relation: 'same',
  rationale: 'Snapshots keep the environment and owner tags, so their cost and retention can be traced.',
  types: ['aws_db_instance'],
  test: (db) => db.copy_tags_to_snapshot === true,
}));
