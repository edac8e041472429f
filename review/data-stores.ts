/**
 * Resource types that hold data, and the attributes whose change makes the provider replace them (ForceNew in the
 * provider schemas: hashicorp/aws 5.100.0 resource_db_instance / kms key / log group / backup vault / s3 bucket,
 * cloudflare 5.14.0 r2_bucket, cyrilgdn/postgresql 1.26.0 schema). A replaced data store starts empty.
 */
export const dataStores: Readonly<
  Record<string, { readonly holds: string; readonly replacedBy: readonly string[] }>
> = {
  aws_db_instance: {
    holds: 'the PostgreSQL data',
    replacedBy: [
      'identifier',
      'identifier_prefix',
      'engine',
      'kms_key_id',
      'storage_encrypted',
      'db_name',
      'username',
      'availability_zone',
      'character_set_name',
      'nchar_character_set_name',
      'timezone',
      'snapshot_identifier',
      'restore_to_point_in_time',
      's3_import',
    ],
  },
  aws_kms_key: {
    holds: 'the key every backup and snapshot is encrypted with',
    replacedBy: [
      'customer_master_key_spec',
      'key_usage',
      'multi_region',
      'custom_key_store_id',
      'xks_key_id',
    ],
  },
  aws_cloudwatch_log_group: { holds: 'the database logs', replacedBy: ['name', 'name_prefix'] },
  cloudflare_r2_bucket: {
    holds: 'the media library',
    replacedBy: ['account_id', 'name', 'location', 'jurisdiction'],
  },
  postgresql_schema: { holds: "an application's tables", replacedBy: ['database'] },
  aws_backup_vault: { holds: 'recovery points of the database', replacedBy: ['name', 'kms_key_arn'] },
  aws_s3_bucket: { holds: 'the second copy of the media library', replacedBy: ['bucket', 'bucket_prefix'] },
};
