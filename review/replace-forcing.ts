/**
 * Attributes whose change makes a provider replace the resource (destroy and create) instead of updating it, for
 * the resource types this platform declares, at the provider versions the pinned bindings were generated from.
 *
 * - hashicorp/aws 5.100.0: the attributes the real provider lists in `replace_paths` when each is changed on a
 *   deployed resource (test/integration/replace-forcing.test.ts plans every entry offline and fails on a
 *   difference either way). Absent on purpose: `aws_db_instance.identifier` (renamed in place since 5.0) and
 *   `character_set_name` (the provider does not force it for PostgreSQL).
 * - cloudflare/cloudflare 5.14.0, hashicorp/kubernetes 2.38.0, cyrilgdn/postgresql 1.26.0, hashicorp/random 3.7.2:
 *   read from the provider source at that tag; `source` names the file and the mechanism (plugin framework
 *   `RequiresReplace` plan modifiers, SDKv2 `ForceNew`, or a `CustomizeDiff` that calls `ForceNew`).
 *
 * Paths are attribute paths without list indices (`spec.selector`); a change at or below one forces replacement.
 */
import { schemaPath, type AttributePath } from '../synth/attribute-paths';
import type { Block } from '../synth/terraform-json';

export interface ReplaceForcing {
  /** Where the rule comes from: provider, version, file. */
  readonly source: string;
  readonly paths: readonly string[];
  /** Paths that force replacement only when the block satisfies `when` (e.g. an immutable Secret). */
  readonly conditional?: { readonly paths: readonly string[]; readonly when: (block: Block) => boolean };
}

const aws = (paths: string[]): ReplaceForcing => ({
  source:
    'hashicorp/aws 5.100.0, replace_paths of an offline plan (test/integration/replace-forcing.test.ts)',
  paths,
});
const cloudflare = (service: string, paths: string[]): ReplaceForcing => ({
  source: `cloudflare/terraform-provider-cloudflare v5.14.0 internal/services/${service}/schema.go (RequiresReplace)`,
  paths,
});
const k8s = (file: string, paths: string[], conditional?: ReplaceForcing['conditional']): ReplaceForcing => ({
  source: `hashicorp/terraform-provider-kubernetes v2.38.0 kubernetes/schema_metadata.go (metadata name, namespace, generate_name: ForceNew)${file ? ` and kubernetes/${file}` : ''}`,
  paths: ['metadata.name', 'metadata.namespace', 'metadata.generate_name', ...paths],
  ...(conditional ? { conditional } : {}),
});
const postgresql = (file: string, paths: string[]): ReplaceForcing => ({
  source: `cyrilgdn/terraform-provider-postgresql v1.26.0 postgresql/${file} (ForceNew)`,
  paths,
});

/** `data`, `binary_data` and `immutable` force replacement of an immutable Secret or ConfigMap (CustomizeDiff). */
const immutableData = {
  paths: ['data', 'binary_data', 'immutable'],
  when: (b: Block) => b.immutable === true,
};

export const replaceForcing: Readonly<Record<string, ReplaceForcing>> = {
  aws_backup_plan: aws(['name']),
  aws_backup_selection: aws([
    'condition',
    'iam_role_arn',
    'name',
    'not_resources',
    'plan_id',
    'resources',
    'selection_tag',
  ]),
  aws_backup_vault: aws(['kms_key_arn', 'name']),
  aws_backup_vault_lock_configuration: aws([
    'backup_vault_name',
    'changeable_for_days',
    'max_retention_days',
    'min_retention_days',
  ]),
  aws_cloudwatch_log_group: aws(['name', 'name_prefix']),
  aws_db_instance: aws([
    'availability_zone',
    'custom_iam_instance_profile',
    'db_name',
    'engine',
    'kms_key_id',
    'nchar_character_set_name',
    // A restore: the instance is created from a snapshot or a point in time (stacks/database-restore.ts).
    'restore_to_point_in_time',
    'snapshot_identifier',
    'storage_encrypted',
    'timezone',
    'username',
  ]),
  aws_db_parameter_group: aws(['description', 'family', 'name', 'name_prefix']),
  aws_db_subnet_group: aws(['name', 'name_prefix']),
  aws_iam_role: aws(['name', 'name_prefix', 'path']),
  aws_iam_role_policy: aws(['name', 'name_prefix', 'role']),
  aws_iam_role_policy_attachment: aws(['policy_arn', 'role']),
  aws_kms_alias: aws(['name', 'name_prefix']),
  aws_kms_key: aws(['customer_master_key_spec', 'key_usage', 'multi_region']),
  aws_s3_bucket: aws(['bucket', 'bucket_prefix', 'object_lock_enabled']),
  aws_s3_bucket_lifecycle_configuration: aws(['bucket', 'expected_bucket_owner']),
  aws_s3_bucket_ownership_controls: aws(['bucket']),
  aws_s3_bucket_policy: aws(['bucket']),
  aws_s3_bucket_public_access_block: aws(['bucket']),
  aws_s3_bucket_server_side_encryption_configuration: aws(['bucket', 'expected_bucket_owner']),
  aws_s3_bucket_versioning: aws(['bucket', 'expected_bucket_owner']),
  aws_security_group: aws(['description', 'name', 'name_prefix', 'vpc_id']),
  aws_vpc_security_group_ingress_rule: aws(['security_group_id']),

  cloudflare_r2_bucket: cloudflare('r2_bucket', ['account_id', 'name', 'location']),
  cloudflare_r2_bucket_cors: cloudflare('r2_bucket_cors', ['account_id', 'bucket_name']),
  cloudflare_r2_bucket_lifecycle: cloudflare('r2_bucket_lifecycle', ['account_id', 'bucket_name']),
  cloudflare_r2_custom_domain: cloudflare('r2_custom_domain', [
    'account_id',
    'bucket_name',
    'domain',
    'zone_id',
  ]),
  cloudflare_r2_managed_domain: cloudflare('r2_managed_domain', ['account_id', 'bucket_name']),
  cloudflare_account_token: cloudflare('account_token', ['account_id']),
  cloudflare_ruleset: cloudflare('ruleset', ['account_id', 'zone_id', 'kind', 'name', 'phase']),

  kubernetes_namespace_v1: k8s('', []),
  // SDKv2 forces replacement for a leaf whose own schema says ForceNew; a ForceNew block (`template`) only when it
  // is added or removed (terraform-plugin-sdk helper/schema diffList): an image or argument change is an update.
  kubernetes_cron_job_v1: k8s(
    'schema_job_spec.go (jobSpecFields: the ForceNew leaves under spec.job_template.spec)',
    [
      'spec.job_template.spec.backoff_limit_per_index',
      'spec.job_template.spec.completion_mode',
      'spec.job_template.spec.completions',
      'spec.job_template.spec.selector.match_expressions',
      'spec.job_template.spec.selector.match_labels',
    ],
  ),
  kubernetes_service_account_v1: k8s('', []),
  kubernetes_config_map_v1: k8s('resource_kubernetes_config_map_v1.go (CustomizeDiff)', [], immutableData),
  kubernetes_secret_v1: k8s(
    'resource_kubernetes_secret_v1.go (type: ForceNew; CustomizeDiff)',
    ['type'],
    immutableData,
  ),
  kubernetes_deployment_v1: k8s('resource_kubernetes_deployment_v1.go (spec.selector: ForceNew)', [
    'spec.selector',
  ]),
  kubernetes_service_v1: k8s('resource_kubernetes_service_v1.go', [
    'spec.cluster_ip',
    'spec.cluster_ips',
    'spec.load_balancer_class',
    'spec.health_check_node_port',
  ]),
  kubernetes_pod_disruption_budget_v1: k8s(
    'resource_kubernetes_pod_disruption_budget_v1.go (spec: ForceNew)',
    ['spec'],
  ),
  kubernetes_resource_quota_v1: k8s('resource_kubernetes_resource_quota_v1.go', ['spec.scopes']),
  kubernetes_limit_range_v1: k8s('', []),
  kubernetes_network_policy_v1: k8s('', []),

  postgresql_schema: postgresql('resource_postgresql_schema.go', ['database']),
  postgresql_grant: postgresql('resource_postgresql_grant.go', [
    'role',
    'database',
    'schema',
    'object_type',
    'objects',
    'columns',
    'with_grant_option',
  ]),
  postgresql_default_privileges: postgresql('resource_postgresql_default_privileges.go', [
    'role',
    'database',
    'owner',
    'schema',
    'object_type',
    'with_grant_option',
  ]),
  postgresql_role: postgresql('resource_postgresql_role.go (no ForceNew: a rename is ALTER ROLE)', []),

  random_password: {
    source:
      'hashicorp/terraform-provider-random v3.7.2 internal/provider/resource_password.go (RequiresReplace)',
    paths: [
      'keepers',
      'length',
      'special',
      'upper',
      'lower',
      'number',
      'numeric',
      'min_numeric',
      'min_upper',
      'min_lower',
      'min_special',
      'override_special',
    ],
  },
};

/**
 * The forcing path a leaf change falls under, if any. `block` is the configuration the provider plans with
 * (the head's; the base's for conditional rules, which look at the deployed object).
 */
export function forcedBy(type: string, path: AttributePath, base?: Block): string | undefined {
  const rule = replaceForcing[type];
  if (!rule) return undefined;
  const leaf = schemaPath(path);
  const under = (forcing: string) => {
    const parts = forcing.split('.');
    return parts.every((p, i) => leaf[i] === p);
  };
  return (
    rule.paths.find(under) ??
    (rule.conditional && base && rule.conditional.when(base) ? rule.conditional.paths.find(under) : undefined)
  );
}
