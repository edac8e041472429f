/**
 * Extensions RDS for PostgreSQL 15 offers (`SELECT name FROM pg_available_extension_versions` on an RDS 15
 * instance, and the "PostgreSQL extensions supported on Amazon RDS" tables of the Amazon RDS for PostgreSQL Release
 * Notes: https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-extensions.html). Config may
 * only name these; anything else fails validation before a deploy could fail on RDS.
 *
 * Extensions that need a library in `shared_preload_libraries` are marked: the parameter group preloads
 * PRELOADED_LIBRARIES only (stacks/database.ts; test/extensions.test.ts keeps the two in step).
 */

/** What `shared_preload_libraries` holds in the platform's parameter group. */
export const PRELOADED_LIBRARIES: readonly string[] = ['pg_stat_statements'];

/** Extensions whose library must be preloaded before CREATE EXTENSION is of any use. */
const NEEDS_PRELOAD = new Set([
  'pg_cron',
  'pg_hint_plan',
  'pg_stat_statements',
  'pg_tle',
  'pgactive',
  'pgaudit',
  'pglogical',
  'plprofiler',
]);

const RDS_POSTGRESQL_15_EXTENSIONS = new Set([
  'address_standardizer',
  'address_standardizer_data_us',
  'amcheck',
  'autoinc',
  'aws_commons',
  'aws_lambda',
  'aws_s3',
  'bloom',
  'bool_plperl',
  'btree_gin',
  'btree_gist',
  'citext',
  'cube',
  'dblink',
  'dict_int',
  'dict_xsyn',
  'earthdistance',
  'flow_control',
  'fuzzystrmatch',
  'h3',
  'h3_postgis',
  'hll',
  'hstore',
  'hstore_plperl',
  'hypopg',
  'insert_username',
  'intagg',
  'intarray',
  'ip4r',
  'isn',
  'jsonb_plperl',
  'lo',
  'log_fdw',
  'ltree',
  'moddatetime',
  'mysql_fdw',
  'oracle_fdw',
  'orafce',
  'pageinspect',
  'pg_bigm',
  'pg_buffercache',
  'pg_cron',
  'pg_freespacemap',
  'pg_hint_plan',
  'pg_partman',
  'pg_prewarm',
  'pg_proctab',
  'pg_repack',
  'pg_similarity',
  'pg_stat_statements',
  'pg_tle',
  'pg_trgm',
  'pg_visibility',
  'pgactive',
  'pgaudit',
  'pgcrypto',
  'pglogical',
  'pgrouting',
  'pgrowlocks',
  'pgstattuple',
  'pgtap',
  'plperl',
  'plpgsql',
  'plprofiler',
  'plrust',
  'pltcl',
  'plv8',
  'postgis',
  'postgis_raster',
  'postgis_tiger_geocoder',
  'postgis_topology',
  'postgres_fdw',
  'prefix',
  'rdkit',
  'rds_tools',
  'refint',
  'seg',
  'sslinfo',
  'tablefunc',
  'tcn',
  'tds_fdw',
  'test_parser',
  'tsm_system_rows',
  'tsm_system_time',
  'unaccent',
  'uuid-ossp',
  'vector',
]);

export function isRdsPostgres15Extension(name: string): boolean {
  return RDS_POSTGRESQL_15_EXTENSIONS.has(name);
}

/** The library an extension needs preloaded that the parameter group does not preload, if any. */
export function missingPreload(name: string): string | undefined {
  return NEEDS_PRELOAD.has(name) && !PRELOADED_LIBRARIES.includes(name) ? name : undefined;
}
