/**
 * Every scanner check id the policy catalogue cites (a rule's `mirrors`), with the scanner's own title, the
 * framework the scanner runs it on, and where it was read. Facts taken from the scanners' sources and docs, not
 * their code. Only Terraform-framework ids can show up when Checkov or Trivy scan `cdktf.out`; the others are
 * cross-checks for rendered manifests, CloudFormation or the running AWS account.
 */

export type Scanner = 'Checkov' | 'Trivy' | 'cdk-nag' | 'AWS Security Hub';

export type Framework =
  /** Terraform, including the synthesized JSON (`checkov --framework terraform_json`, `trivy config`). */
  | 'Terraform'
  /** Kubernetes manifests only: never reported on Terraform `kubernetes_*` resources. */
  | 'Kubernetes manifest'
  /** AWS CDK / CloudFormation resources only: cdk-nag does not read Terraform. */
  | 'CloudFormation'
  /** The deployed AWS account (AWS Config rules behind Security Hub controls). */
  | 'AWS account'
  /** Any file (Checkov's secrets framework), the synthesized JSON included. */
  | 'Secrets (any file)';

export interface ScannerCheck {
  readonly scanner: Scanner;
  /** The scanner's own title (Checkov name, Trivy title, cdk-nag info, Security Hub control title). */
  readonly title: string;
  readonly framework: Framework;
  /** Where it was read: `owner/repo@commit:path` or a documentation page. */
  readonly source: string;
  /** What a cross-check should know beyond the title. */
  readonly note?: string;
}

const CHECKOV = 'bridgecrewio/checkov@03d5fdad';
const TRIVY = 'aquasecurity/trivy-checks@80e53822';
const CDK_NAG = 'cdklabs/cdk-nag@ca6d1b54';
const SECURITY_HUB = 'https://docs.aws.amazon.com/securityhub/latest/userguide';
const SECURITY_HUB_GUIDE = 'awsdocs/aws-security-hub-user-guide@bda5bf7d';

const checkov = (title: string, path: string, framework: Framework = 'Terraform'): ScannerCheck => ({
  scanner: 'Checkov',
  title,
  framework,
  source: `${CHECKOV}:checkov/${path}`,
});
const checkovTerraform = (title: string, file: string) =>
  checkov(title, `terraform/checks/resource/${file}.py`);
const checkovGraph = (title: string, file: string) =>
  checkov(title, `terraform/checks/graph_checks/aws/${file}.yaml`);
/** Checks of `data "aws_iam_policy_document"`: they read every policy document, trust, key and bucket policies too. */
const checkovDocument = (title: string, file: string, note?: string): ScannerCheck => ({
  ...checkov(title, `terraform/checks/data/aws/${file}.py`),
  note: `Reads every aws_iam_policy_document (trust, key and bucket policies too).${note ? ` ${note}` : ''}`,
});
/** Resource twins of the document checks: they parse policy JSON written on the resource. */
const checkovPolicyJson = (title: string, file: string, twin: string, note?: string): ScannerCheck => ({
  ...checkovTerraform(title, `aws/${file}`),
  note: `Parses policy JSON on the resource; the \${data.aws_iam_policy_document.….json} reference synthesized here is not JSON to it, so it does not fail here and ${twin} judges the document.${note ? ` ${note}` : ''}`,
});
const checkovManifest = (title: string, file: string) =>
  checkov(title, `kubernetes/checks/${file}`, 'Kubernetes manifest');
const checkovIngress = (port: number, file: string) =>
  checkovTerraform(`Ensure no security groups allow ingress from 0.0.0.0:0 to port ${port}`, `aws/${file}`);

/** Trivy ids are cited by their `AVD-` alias; trivy-checks now names them without the prefix (AWS-0080). */
const trivy = (title: string, path: string, framework: Framework = 'Terraform'): ScannerCheck => ({
  scanner: 'Trivy',
  title,
  framework,
  source: `${TRIVY}:checks/${path}.rego`,
});

/** cdk-nag ids are `<pack>-<rule>`; the title is the rule's `info` in that pack. */
const cdkNag = (title: string, pack: string): ScannerCheck => ({
  scanner: 'cdk-nag',
  title,
  framework: 'CloudFormation',
  source: `${CDK_NAG}:src/packs/${pack}.ts`,
});

const securityHub = (title: string, page: string, note?: string): ScannerCheck => ({
  scanner: 'AWS Security Hub',
  title,
  framework: 'AWS account',
  source: `${SECURITY_HUB}/${page}`,
  ...(note ? { note } : {}),
});

/** Controls read in the archived user guide's source, the one copy of their page whose text could be read in full. */
const securityHubGuide = (title: string, page: string, note: string): ScannerCheck => ({
  scanner: 'AWS Security Hub',
  title,
  framework: 'AWS account',
  source: `${SECURITY_HUB_GUIDE}:doc_source/${page}`,
  note: `${note} The current page words the S3 controls for "S3 general purpose buckets".`,
});

// What Checkov's cloudsplaining-based IAM checks flag (cloudsplaining PolicyDocument, Checkov pins >=0.7,<0.8).
const CLOUDSPLAINING_ESCALATION =
  'Flags the escalation paths of its list (iam:CreatePolicyVersion, iam:Attach*/Put*Policy, iam:UpdateAssumeRolePolicy, iam:PassRole with ec2:RunInstances or lambda:CreateFunction, lambda:UpdateFunctionCode, …) allowed on * without a condition.';
const CLOUDSPLAINING_PERMISSIONS_MANAGEMENT =
  'Flags actions of the Permissions management access level, of any service, allowed on * without a condition.';
const CLOUDSPLAINING_STAR_RESOURCE =
  'Flags every action that supports resource constraints allowed on * without a condition.';

export const scannerIds: Readonly<Record<string, ScannerCheck>> = {
  // Checkov, Terraform: RDS
  CKV_AWS_16: checkovTerraform(
    'Ensure all data stored in the RDS is securely encrypted at rest',
    'aws/RDSEncryption',
  ),
  CKV_AWS_17: checkovTerraform(
    'Ensure all data stored in RDS is not publicly accessible',
    'aws/RDSPubliclyAccessible',
  ),
  CKV_AWS_118: checkovTerraform(
    'Ensure that enhanced monitoring is enabled for Amazon RDS instances',
    'aws/RDSEnhancedMonitorEnabled',
  ),
  CKV_AWS_129: checkovTerraform(
    'Ensure that respective logs of Amazon Relational Database Service (Amazon RDS) are enabled',
    'aws/DBInstanceLogging',
  ),
  CKV_AWS_133: checkovTerraform(
    'Ensure that RDS instances has backup policy',
    'aws/DBInstanceBackupRetentionPeriod',
  ),
  CKV_AWS_157: checkovTerraform('Ensure that RDS instances have Multi-AZ enabled', 'aws/RDSMultiAZEnabled'),
  CKV_AWS_161: checkovTerraform(
    'Ensure RDS database has IAM authentication enabled',
    'aws/RDSIAMAuthentication',
  ),
  CKV_AWS_211: checkovTerraform('Ensure RDS uses a modern CaCert', 'aws/RDSCACertIsRecent'),
  CKV_AWS_226: checkovTerraform(
    'Ensure DB instance gets all minor upgrades automatically',
    'aws/DBInstanceMinorUpgrade',
  ),
  CKV_AWS_250: {
    ...checkovTerraform(
      'Ensure that RDS PostgreSQL instances use a non vulnerable version with the log_fdw extension (https://aws.amazon.com/security/security-bulletins/AWS-2022-004/)',
      'aws/RDSPostgreSQLLogFDWExtension',
    ),
    note: 'Every PostgreSQL 14 or later passes; it is about the log_fdw advisory, not about a chosen major version.',
  },
  CKV_AWS_293: checkovTerraform(
    'Ensure that AWS database instances have deletion protection enabled',
    'aws/RDSInstanceDeletionProtection',
  ),
  CKV_AWS_353: checkovTerraform(
    'Ensure that RDS instances have performance insights enabled',
    'aws/RDSInstancePerformanceInsights',
  ),
  CKV_AWS_354: checkovTerraform(
    'Ensure RDS Performance Insights are encrypted using KMS CMKs',
    'aws/RDSInstancePerfInsightsEncryptionWithCMK',
  ),
  CKV2_AWS_30: checkovGraph(
    'Ensure Postgres RDS as aws_db_instance has Query Logging enabled',
    'PostgresDBHasQueryLoggingEnabled',
  ),
  CKV2_AWS_60: checkovGraph(
    'Ensure RDS instance with copy tags to snapshots is enabled',
    'RDSEnableCopyTagsToSnapshot',
  ),
  CKV2_AWS_69: checkovGraph(
    'Ensure AWS RDS database instance configured with encryption in transit',
    'RDSEncryptionInTransit',
  ),

  // Checkov, Terraform: AWS Backup
  CKV_AWS_166: checkovTerraform(
    'Ensure Backup Vault is encrypted at rest using KMS CMK',
    'aws/BackupVaultEncrypted',
  ),

  // Checkov, Terraform: security groups, KMS, Secrets Manager, IAM
  CKV_AWS_23: checkovTerraform(
    'Ensure every security group and rule has a description',
    'aws/SecurityGroupRuleDescription',
  ),
  CKV_AWS_24: checkovIngress(22, 'SecurityGroupUnrestrictedIngress22'),
  CKV_AWS_25: checkovIngress(3389, 'SecurityGroupUnrestrictedIngress3389'),
  CKV_AWS_260: checkovIngress(80, 'SecurityGroupUnrestrictedIngress80'),
  CKV_AWS_277: {
    ...checkovIngress(-1, 'SecurityGroupUnrestrictedIngressAny'),
    note: 'Port -1 means a rule open on every port (protocol -1, or ports 0–0 / 0–65535).',
  },
  CKV_AWS_382: {
    ...checkovTerraform(
      'Ensure no security groups allow egress from 0.0.0.0:0 to port -1',
      'aws/SecurityGroupUnrestrictedEgressAny',
    ),
    note: 'Port -1 means a rule open on every port (protocol -1, or ports 0–0 / 0–65535).',
  },
  CKV_AWS_7: checkovTerraform('Ensure rotation for customer created CMKs is enabled', 'aws/KMSRotation'),
  CKV_AWS_33: checkovTerraform(
    'Ensure KMS key policy does not contain wildcard (*) principal',
    'aws/KMSKeyWildcardPrincipal',
  ),
  CKV_AWS_149: checkovTerraform(
    'Ensure that Secrets Manager secret is encrypted using KMS CMK',
    'aws/SecretManagerSecretEncrypted',
  ),
  CKV_AWS_304: checkovTerraform(
    'Ensure Secrets Manager secrets should be rotated within 90 days',
    'aws/SecretManagerSecret90days',
  ),
  CKV2_AWS_57: checkovGraph(
    'Ensure Secrets Manager secrets should have automatic rotation enabled',
    'SecretsAreRotated',
  ),
  CKV_AWS_60: checkovTerraform(
    'Ensure IAM role allows only specific services or principals to assume it',
    'aws/IAMRoleAllowsPublicAssume',
  ),
  CKV_AWS_61: checkovTerraform(
    'Ensure AWS IAM policy does not allow assume role permission across all services',
    'aws/IAMRoleAllowAssumeFromAccount',
  ),
  CKV_AWS_274: checkovTerraform(
    'Disallow IAM roles, users, and groups from using the AWS AdministratorAccess policy',
    'aws/IAMManagedAdminPolicy',
  ),
  CKV_AWS_1: checkovDocument(
    'Ensure IAM policies that allow full "*-*" administrative privileges are not created',
    'AdminPolicyDocument',
  ),
  CKV_AWS_49: checkovDocument(
    'Ensure no IAM policies documents allow "*" as a statement\'s actions',
    'StarActionPolicyDocument',
  ),
  CKV_AWS_62: checkovPolicyJson(
    'Ensure IAM policies that allow full "*-*" administrative privileges are not created',
    'IAMAdminPolicyDocument',
    'CKV_AWS_1',
  ),
  CKV_AWS_63: checkovPolicyJson(
    'Ensure no IAM policies documents allow "*" as a statement\'s actions',
    'IAMStarActionPolicyDocument',
    'CKV_AWS_49',
  ),
  CKV_AWS_109: checkovDocument(
    'Ensure IAM policies does not allow permissions management / resource exposure without constraints',
    'IAMPermissionsManagement',
    CLOUDSPLAINING_PERMISSIONS_MANAGEMENT,
  ),
  CKV_AWS_289: checkovPolicyJson(
    'Ensure IAM policies does not allow permissions management / resource exposure without constraints',
    'IAMPermissionsManagement',
    'CKV_AWS_109',
    CLOUDSPLAINING_PERMISSIONS_MANAGEMENT,
  ),
  CKV_AWS_110: checkovDocument(
    'Ensure IAM policies does not allow privilege escalation',
    'IAMPrivilegeEscalation',
    CLOUDSPLAINING_ESCALATION,
  ),
  CKV_AWS_286: checkovPolicyJson(
    'Ensure IAM policies does not allow privilege escalation',
    'IAMPrivilegeEscalation',
    'CKV_AWS_110',
    CLOUDSPLAINING_ESCALATION,
  ),
  CKV_AWS_356: checkovDocument(
    'Ensure no IAM policies documents allow "*" as a statement\'s resource for restrictable actions',
    'ResourcePolicyDocument',
    CLOUDSPLAINING_STAR_RESOURCE,
  ),
  CKV_AWS_355: checkovPolicyJson(
    'Ensure no IAM policies documents allow "*" as a statement\'s resource for restrictable actions',
    'IAMStarResourcePolicyDocument',
    'CKV_AWS_356',
    CLOUDSPLAINING_STAR_RESOURCE,
  ),
  CKV_AWS_358: checkovDocument(
    'Ensure AWS GitHub Actions OIDC authorization policies only allow safe claims and claim order',
    'GithubActionsOIDCTrustPolicy',
    'Judges the sub condition only: repo:owner/name… passes (repo:owner/* too); the aud and the condition operator are not read.',
  ),

  // Checkov, Terraform: S3
  CKV_AWS_21: checkovGraph(
    'Ensure all data stored in the S3 bucket have versioning enabled',
    'S3BucketVersioning',
  ),
  CKV_AWS_145: checkovGraph(
    'Ensure that S3 buckets are encrypted with KMS by default',
    'S3KMSEncryptedByDefault',
  ),
  CKV_AWS_53: checkovTerraform('Ensure S3 bucket has block public ACLS enabled', 'aws/S3BlockPublicACLs'),
  CKV_AWS_54: checkovTerraform('Ensure S3 bucket has block public policy enabled', 'aws/S3BlockPublicPolicy'),
  CKV_AWS_55: checkovTerraform('Ensure S3 bucket has ignore public ACLs enabled', 'aws/S3IgnorePublicACLs'),
  CKV_AWS_56: checkovTerraform(
    "Ensure S3 bucket has 'restrict_public_buckets' enabled",
    'aws/S3RestrictPublicBuckets',
  ),
  CKV2_AWS_6: checkovGraph('Ensure that S3 bucket has a Public Access block', 'S3BucketHasPublicAccessBlock'),
  CKV_AWS_379: {
    ...checkovTerraform(
      'Ensure AWS S3 bucket is configured with secure data transport policy',
      'aws/S3SecureDataTransport',
    ),
    note: 'Runs on aws_s3_bucket_acl only: judges the TLS policy of a bucket given a public ACL (public-read, public-read-write or an AllUsers grant) and no website configuration.',
  },
  CKV2_AWS_61: checkovGraph('Ensure that an S3 bucket has a lifecycle configuration', 'S3BucketLifecycle'),
  CKV2_AWS_65: checkovGraph('Ensure access control lists for S3 buckets are disabled', 'AWSdisableS3ACL'),

  // Checkov, Terraform: CloudWatch alarms, SNS
  CKV_AWS_319: checkovTerraform(
    'Ensure that CloudWatch alarm actions are enabled',
    'aws/CloudWatchAlarmsEnabled',
  ),
  CKV_AWS_26: checkovTerraform(
    'Ensure all data stored in the SNS topic is encrypted',
    'aws/SNSTopicEncryption',
  ),

  // Checkov, Terraform: kubernetes_* resources (the Terraform checks support kubernetes_deployment_v1)
  CKV_K8S_8: checkovTerraform('Liveness Probe Should be Configured', 'kubernetes/LivenessProbe'),
  CKV_K8S_9: checkovTerraform('Readiness Probe Should be Configured', 'kubernetes/ReadinessProbe'),
  CKV_K8S_10: checkovTerraform('CPU requests should be set', 'kubernetes/CPURequests'),
  CKV_K8S_11: checkovTerraform('CPU Limits should be set', 'kubernetes/CPULimits'),
  CKV_K8S_12: {
    ...checkovTerraform('Memory Limits should be set', 'kubernetes/MemoryLimits'),
    note: 'In the Kubernetes-manifest framework the same id is "Memory requests should be set" (12 and 13 swap).',
  },
  CKV_K8S_13: {
    ...checkovTerraform('Memory requests should be set', 'kubernetes/MemoryRequests'),
    note: 'In the Kubernetes-manifest framework the same id is "Memory limits should be set" (12 and 13 swap).',
  },
  CKV_K8S_14: checkovTerraform('Image Tag should be fixed - not latest or blank', 'kubernetes/ImageTagFixed'),
  CKV_K8S_15: checkovTerraform('Image Pull Policy should be Always', 'kubernetes/ImagePullPolicyAlways'),
  CKV_K8S_16: checkovTerraform('Do not admit privileged containers', 'kubernetes/PrivilegedContainer'),
  CKV_K8S_17: checkovTerraform(
    'Do not admit containers wishing to share the host process ID namespace',
    'kubernetes/ShareHostPID',
  ),
  CKV_K8S_18: checkovTerraform(
    'Do not admit containers wishing to share the host IPC namespace',
    'kubernetes/ShareHostIPC',
  ),
  CKV_K8S_19: checkovTerraform(
    'Do not admit containers wishing to share the host network namespace',
    'kubernetes/SharedHostNetworkNamespace',
  ),
  CKV_K8S_20: checkovTerraform(
    'Containers should not run with allowPrivilegeEscalation',
    'kubernetes/AllowPrivilegeEscalation',
  ),
  CKV_K8S_21: checkovTerraform('The default namespace should not be used', 'kubernetes/DefaultNamespace'),
  CKV_K8S_22: checkovTerraform(
    'Use read-only filesystem for containers where possible',
    'kubernetes/ReadonlyRootFilesystem',
  ),
  CKV_K8S_26: checkovTerraform('Do not specify hostPort unless absolutely necessary', 'kubernetes/HostPort'),
  CKV_K8S_28: checkovTerraform(
    'Minimize the admission of containers with the NET_RAW capability',
    'kubernetes/DropCapabilities',
  ),
  CKV_K8S_35: checkovTerraform(
    'Prefer using secrets as files over secrets as environment variables',
    'kubernetes/Secrets',
  ),
  CKV_K8S_37: checkovTerraform(
    'Minimise the admission of containers with capabilities assigned',
    'kubernetes/MinimiseCapabilities',
  ),
  CKV_K8S_43: checkovTerraform('Image should use digest', 'kubernetes/ImageDigest'),

  // Checkov, Kubernetes manifests only (no Terraform check carries these ids)
  CKV_K8S_23: checkovManifest('Minimize the admission of root containers', 'resource/k8s/RootContainers.py'),
  CKV_K8S_31: checkovManifest(
    'Ensure that the seccomp profile is set to docker/default or runtime/default',
    'resource/k8s/Seccomp.py',
  ),
  CKV_K8S_38: checkovManifest(
    'Ensure that Service Account Tokens are only mounted where necessary',
    'resource/k8s/ServiceAccountTokens.py',
  ),
  CKV_K8S_40: checkovManifest(
    'Containers should run as a high UID to avoid host conflict',
    'resource/k8s/RootContainersHighUID.py',
  ),
  CKV2_K8S_6: checkovManifest(
    'Minimize the admission of pods which lack an associated NetworkPolicy',
    'graph_checks/RequireAllPodsToHaveNetworkPolicy.yaml',
  ),

  // Checkov, secrets framework
  CKV_SECRET_10: {
    ...checkov('Secret Keyword', 'secrets/runner.py', 'Secrets (any file)'),
    note: 'detect-secrets keyword detector: a password-like key with a literal value, in any scanned file.',
  },

  // Trivy (trivy-checks), Terraform
  'AVD-AWS-0065': trivy('A KMS key is not configured to auto-rotate.', 'cloud/aws/kms/auto_rotate_keys'),
  'AVD-AWS-0077': trivy(
    'RDS Cluster and RDS instance should have backup retention longer than default 1 day',
    'cloud/aws/rds/specify_backup_retention',
  ),
  'AVD-AWS-0078': trivy(
    'Performance Insights encryption should use Customer Managed Keys',
    'cloud/aws/rds/performance_insights_encryption_customer_key',
  ),
  'AVD-AWS-0080': trivy(
    'RDS encryption has not been enabled at a DB Instance level.',
    'cloud/aws/rds/encrypt_instance_storage_data',
  ),
  'AVD-AWS-0098': trivy(
    'Secrets Manager should use customer managed keys',
    'cloud/aws/ssm/secret_use_customer_key',
  ),
  'AVD-AWS-0099': trivy(
    'Missing description for security group.',
    'cloud/aws/ec2/add_description_to_security_group',
  ),
  'AVD-AWS-0104': trivy(
    'A security group rule should not allow unrestricted egress to any IP address.',
    'cloud/aws/ec2/no_public_egress_sgr',
  ),
  'AVD-AWS-0124': trivy(
    'Missing description for security group rule.',
    'cloud/aws/ec2/add_description_to_security_group_rule',
  ),
  'AVD-AWS-0095': trivy('Unencrypted SNS topic.', 'cloud/aws/sns/enable_topic_encryption'),
  'AVD-AWS-0136': trivy('SNS topic not encrypted with CMK.', 'cloud/aws/sns/topic_encryption_with_cmk'),
  'AVD-AWS-0133': trivy(
    'Enable Performance Insights to detect potential problems',
    'cloud/aws/rds/enable_performance_insights',
  ),
  'AVD-AWS-0176': trivy('RDS IAM Database Authentication Disabled', 'cloud/aws/rds/enable_iam_auth'),
  'AVD-AWS-0177': trivy('RDS Deletion Protection Disabled', 'cloud/aws/rds/enable_deletion_protection'),
  'AVD-AWS-0180': trivy('RDS Publicly Accessible', 'cloud/aws/rds/disable_public_access'),
  'AVD-AWS-0086': trivy('S3 Access block should block public ACL', 'cloud/aws/s3/block_public_acls'),
  'AVD-AWS-0087': trivy('S3 Access block should block public policy', 'cloud/aws/s3/block_public_policy'),
  'AVD-AWS-0088': {
    ...trivy('Unencrypted S3 bucket.', 'cloud/aws/s3/enable_bucket_encryption'),
    note: 'Deprecated in trivy-checks (S3 encrypts by default): Trivy runs it only with --include-deprecated-checks.',
  },
  'AVD-AWS-0090': trivy('S3 Data should be versioned', 'cloud/aws/s3/enable_versioning'),
  'AVD-AWS-0091': trivy('S3 Access Block should Ignore Public ACL', 'cloud/aws/s3/ignore_public_acls'),
  'AVD-AWS-0093': trivy(
    'S3 Access block should restrict public bucket to limit access',
    'cloud/aws/s3/no_public_buckets',
  ),
  'AVD-AWS-0094': trivy(
    'S3 buckets should each define an aws_s3_bucket_public_access_block',
    'cloud/aws/s3/specify_public_access_block',
  ),
  'AVD-AWS-0132': trivy(
    'S3 encryption should use Customer Managed Keys',
    'cloud/aws/s3/encryption_customer_key',
  ),
  'AVD-KUBE-0001': trivy(
    'A network policy should not allow unrestricted ingress from any IP address.',
    'cloud/kubernetes/network/no_public_ingress',
  ),
  'AVD-KUBE-0002': trivy(
    'A network policy should not allow unrestricted egress to any IP address.',
    'cloud/kubernetes/network/no_public_egress',
  ),

  // Trivy, Kubernetes manifests only
  'KSV-0036': trivy(
    'Protecting Pod service account tokens',
    'kubernetes/protecting_pod_service_account_tokens',
    'Kubernetes manifest',
  ),
  'KSV-0038': trivy(
    'Selector usage in network policies',
    'kubernetes/selector_usage_in_network_policies',
    'Kubernetes manifest',
  ),
  'KSV-0039': trivy('limit range usage', 'kubernetes/use_limit_range', 'Kubernetes manifest'),
  'KSV-0040': trivy('resource quota usage', 'kubernetes/use_resource_quota', 'Kubernetes manifest'),

  // cdk-nag
  'AwsSolutions-EC23': cdkNag(
    'The Security Group allows for 0.0.0.0/0 or ::/0 inbound access.',
    'aws-solutions',
  ),
  'AwsSolutions-EC27': cdkNag('The Security Group does not have a description.', 'aws-solutions'),
  'AwsSolutions-KMS5': cdkNag(
    'The KMS Symmetric key does not have automatic key rotation enabled.',
    'aws-solutions',
  ),
  'AwsSolutions-RDS2': cdkNag(
    'The RDS instance or Aurora DB cluster does not have storage encryption enabled.',
    'aws-solutions',
  ),
  'AwsSolutions-RDS3': cdkNag(
    'The non-Aurora RDS DB instance does not have multi-AZ support enabled.',
    'aws-solutions',
  ),
  'AwsSolutions-RDS10': cdkNag(
    'The RDS instance or Aurora DB cluster does not have deletion protection enabled.',
    'aws-solutions',
  ),
  'AwsSolutions-RDS11': cdkNag(
    'The RDS instance or Aurora DB cluster uses the default endpoint port.',
    'aws-solutions',
  ),
  'AwsSolutions-RDS13': cdkNag('The RDS instance is not configured for automated backups.', 'aws-solutions'),
  'AwsSolutions-SNS3': cdkNag('The SNS Topic does not require publishers to use SSL.', 'aws-solutions'),
  'AwsSolutions-SMG4': cdkNag('The secret does not have automatic rotation scheduled.', 'aws-solutions'),
  'HIPAA.Security-CloudWatchAlarmAction': cdkNag(
    'The CloudWatch alarm does not have at least one alarm action, one INSUFFICIENT_DATA action, or one OK action enabled',
    'hipaa-security',
  ),
  'HIPAA.Security-SNSEncryptedKMS': cdkNag(
    'The SNS topic does not have KMS encryption enabled',
    'hipaa-security',
  ),
  'HIPAA.Security-RDSInstancePublicAccess': cdkNag(
    'The RDS DB instance allows public access',
    'hipaa-security',
  ),
  'HIPAA.Security-RDSLoggingEnabled': cdkNag(
    'The non-Aurora RDS DB instance or Aurora cluster does not have all CloudWatch log types exported',
    'hipaa-security',
  ),
  'HIPAA.Security-RDSInBackupPlan': cdkNag(
    'The RDS DB instance is not in an AWS Backup plan',
    'hipaa-security',
  ),
  'HIPAA.Security-SecretsManagerUsingKMSKey': cdkNag(
    'The secret is not encrypted with a KMS Customer managed key',
    'hipaa-security',
  ),
  'AwsSolutions-IAM5': cdkNag(
    'The IAM entity contains wildcard permissions and does not have a cdk-nag rule suppression with evidence for those permission.',
    'aws-solutions',
  ),
  'AwsSolutions-S2': {
    ...cdkNag('The S3 Bucket does not have public access restricted and blocked.', 'aws-solutions'),
    note: 'A bucket without PublicAccessBlockConfiguration is compliant (rule S3BucketLevelPublicAccessProhibited).',
  },
  'AwsSolutions-S10': {
    ...cdkNag('The S3 Bucket or bucket policy does not require requests to use SSL.', 'aws-solutions'),
    note: 'Needs a Deny of s3:* or * to principal * on the bucket and its objects when aws:SecureTransport is false.',
  },
  'NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess': cdkNag(
    'The IAM policy grants admin access, meaning the policy allows a principal to perform all actions on all resources',
    'nist-800-53-r5',
  ),
  'NIST.800.53.R5-RDSInBackupPlan': cdkNag(
    'The RDS DB instance is not in an AWS Backup plan',
    'nist-800-53-r5',
  ),
  'NIST.800.53.R5-S3BucketVersioningEnabled': cdkNag(
    'The S3 Bucket does not have versioning enabled',
    'nist-800-53-r5',
  ),
  'NIST.800.53.R5-S3DefaultEncryptionKMS': cdkNag(
    'The S3 Bucket is not encrypted with a KMS Key by default',
    'nist-800-53-r5',
  ),

  // AWS Security Hub (AWS Foundational Security Best Practices)
  'RDS.2': securityHub(
    'RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration',
    'rds-controls.html#rds-2',
  ),
  'RDS.3': securityHub('RDS DB instances should have encryption at-rest enabled', 'rds-controls.html#rds-3'),
  'RDS.5': securityHub(
    'RDS DB instances should be configured with multiple Availability Zones',
    'rds-controls.html#rds-5',
  ),
  'RDS.6': securityHub(
    'Enhanced monitoring should be configured for RDS DB instances',
    'rds-controls.html#rds-6',
  ),
  'RDS.8': securityHub('RDS DB instances should have deletion protection enabled', 'rds-controls.html#rds-8'),
  'RDS.9': securityHub(
    'RDS DB instances should publish logs to CloudWatch Logs',
    'rds-controls.html#rds-9',
    'For PostgreSQL: the postgresql and upgrade logs.',
  ),
  'RDS.10': securityHub(
    'IAM authentication should be configured for RDS instances',
    'rds-controls.html#rds-10',
  ),
  'RDS.11': securityHub(
    'RDS instances should have automatic backups enabled',
    'rds-controls.html#rds-11',
    'backupRetentionMinimum defaults to 7 days.',
  ),
  'RDS.13': securityHub('RDS automatic minor version upgrades should be enabled', 'rds-controls.html#rds-13'),
  'RDS.17': securityHub(
    'RDS DB instances should be configured to copy tags to snapshots',
    'rds-controls.html#rds-17',
  ),
  'RDS.18': securityHub(
    'RDS instances should be deployed in a VPC',
    'rds-controls.html#rds-18',
    'Present in one stored copy of the page and missing from a newer one: it may have been retired.',
  ),
  'RDS.20': securityHub(
    'Existing RDS event notification subscriptions should be configured for critical database instance events',
    'rds-controls.html#rds-20',
    'Judges existing db-instance subscriptions: maintenance, configuration change and failure must be delivered.',
  ),
  'RDS.21': securityHub(
    'An RDS event notifications subscription should be configured for critical database parameter group events',
    'rds-controls.html#rds-21',
    'The db-parameter-group source type with the configuration change category.',
  ),
  'RDS.23': securityHub(
    'RDS instances should not use a database engine default port',
    'rds-controls.html#rds-23',
  ),
  'RDS.25': securityHub(
    'RDS database instances should use a custom administrator username',
    'rds-controls.html#rds-25',
  ),
  'RDS.26': securityHub(
    'RDS DB instances should be protected by a backup plan',
    'rds-controls.html#rds-26',
    'AWS Config rule rds-resources-protected-by-backup-plan; with backupVaultLockCheck true it passes only an instance backed up in a locked vault.',
  ),
  'RDS.36': securityHub(
    'RDS for PostgreSQL DB instances should publish logs to CloudWatch Logs',
    'rds-controls.html#rds-36',
    'logTypes is fixed to postgresql.',
  ),
  'RDS.46': securityHub(
    'RDS DB instances should not be deployed in public subnets with routes to internet gateways',
    'rds-controls.html#rds-46',
    'AWS Config rule rds-instance-subnet-igw-check: reads the route tables of the subnets.',
  ),
  'EC2.19': securityHub(
    'Security groups should not allow unrestricted access to ports with high risk',
    'ec2-controls.html#ec2-19',
    'Its fixed list of high-risk ports includes 5432.',
  ),
  'SecretsManager.1': securityHub(
    'Secrets Manager secrets should have automatic rotation enabled',
    'secretsmanager-controls.html#secretsmanager-1',
  ),
  'SecretsManager.4': securityHub(
    'Secrets Manager secrets should be rotated within a specified number of days',
    'secretsmanager-controls.html#secretsmanager-4',
    'maxDaysSinceRotation defaults to 90.',
  ),
  'S3.5': securityHubGuide(
    'S3 buckets should require requests to use Secure Socket Layer',
    's3-controls.md',
    'AWS Config rule s3-bucket-ssl-requests-only: every request (s3:*) must require aws:SecureTransport.',
  ),
  'S3.8': securityHubGuide(
    'S3 Block Public Access setting should be enabled at the bucket-level',
    's3-controls.md',
    'AWS Config rule s3-bucket-level-public-access-prohibited: fails if any of the four settings is false.',
  ),
};
