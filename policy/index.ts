/**
 * Every policy rule, one per file under rules/. A rule added there is registered here.
 */
import applicationBoundedSessionPool from './rules/application/bounded-session-pool';
import applicationExtensionsSchema from './rules/application/extensions-schema';
import applicationFlowsHaveBothEnds from './rules/application/flows-have-both-ends';
import applicationPodPeers from './rules/application/pod-peers';
import applicationSecretPerApp from './rules/application/secret-per-app';
import applicationSecretVariablesAreReferences from './rules/application/secret-variables-are-references';
import applicationSensitiveTables from './rules/application/sensitive-tables';
import backupCrossRegionCopy from './rules/backup/cross-region-copy';
import backupPlanCoversDatabase from './rules/backup/plan-covers-database';
import backupVaultCmk from './rules/backup/vault-cmk';
import backupVaultLock from './rules/backup/vault-lock';
import backupVaultPreventDestroy from './rules/backup/vault-prevent-destroy';
import cloudflareAbortMultipart from './rules/cloudflare/abort-multipart';
import cloudflareBucketPreventDestroy from './rules/cloudflare/bucket-prevent-destroy';
import cloudflareCorsMethods from './rules/cloudflare/cors-methods';
import cloudflareCorsOrigins from './rules/cloudflare/cors-origins';
import cloudflareMinTls from './rules/cloudflare/min-tls';
import cloudflareNoDuplicateDns from './rules/cloudflare/no-duplicate-dns';
import cloudflareR2DevDisabled from './rules/cloudflare/r2-dev-disabled';
import cloudflareTokenSingleBucket from './rules/cloudflare/token-single-bucket';
import costDatabaseBudget from './rules/cost/database-budget';
import iamDescription from './rules/iam/description';
import iamFederatedBoundary from './rules/iam/federated-boundary';
import iamGithubOidcTrust from './rules/iam/github-oidc-trust';
import iamNoAdminPolicy from './rules/iam/no-admin-policy';
import iamNoFullAccess from './rules/iam/no-full-access';
import iamScopedIamWrites from './rules/iam/scoped-iam-writes';
import iamServiceTrust from './rules/iam/service-trust';
import kmsAlias from './rules/kms/alias';
import kmsDeletionWindow from './rules/kms/deletion-window';
import kmsExplicitPolicy from './rules/kms/explicit-policy';
import kmsPreventDestroy from './rules/kms/prevent-destroy';
import kmsRotation from './rules/kms/rotation';
import kubernetesDefaultDeny from './rules/kubernetes/default-deny';
import kubernetesLimitRange from './rules/kubernetes/limit-range';
import kubernetesNoVpcWidePeer from './rules/kubernetes/no-vpc-wide-peer';
import kubernetesNoWorldCidr from './rules/kubernetes/no-world-cidr';
import kubernetesNotDefaultNamespace from './rules/kubernetes/not-default-namespace';
import kubernetesPodSecurityEnforce from './rules/kubernetes/pod-security-enforce';
import kubernetesPodSecurityWarnAudit from './rules/kubernetes/pod-security-warn-audit';
import kubernetesPolicySelectors from './rules/kubernetes/policy-selectors';
import kubernetesResourceQuota from './rules/kubernetes/resource-quota';
import kubernetesSecretValuesAreReferences from './rules/kubernetes/secret-values-are-references';
import kubernetesStandardLabels from './rules/kubernetes/standard-labels';
import observabilityAlarmActions from './rules/observability/alarm-actions';
import observabilityDestructiveCallAlarm from './rules/observability/destructive-call-alarm';
import observabilityEventSubscription from './rules/observability/event-subscription';
import observabilityTopicEncrypted from './rules/observability/topic-encrypted';
import observabilityTopicTls from './rules/observability/topic-tls';
import parameterGroupConnectionLogging from './rules/parameter-group/connection-logging';
import parameterGroupFamily from './rules/parameter-group/family';
import parameterGroupForceSsl from './rules/parameter-group/force-ssl';
import parameterGroupIdleTransactionTimeout from './rules/parameter-group/idle-transaction-timeout';
import parameterGroupNoLogAll from './rules/parameter-group/no-log-all';
import parameterGroupQueryLogging from './rules/parameter-group/query-logging';
import parameterGroupScram from './rules/parameter-group/scram';
import parameterGroupStaticPendingReboot from './rules/parameter-group/static-pending-reboot';
import pgbouncerIniAuthFile from './rules/pgbouncer-ini/auth-file';
import pgbouncerIniConsoleUsers from './rules/pgbouncer-ini/console-users';
import pgbouncerIniScram from './rules/pgbouncer-ini/scram';
import pgbouncerIniServerTls from './rules/pgbouncer-ini/server-tls';
import pgbouncerIniTlsProtocols from './rules/pgbouncer-ini/tls-protocols';
import pgbouncerIniTransactionPooling from './rules/pgbouncer-ini/transaction-pooling';
import pgbouncerDisruptionBudget from './rules/pgbouncer/disruption-budget';
import pgbouncerDropAllCapabilities from './rules/pgbouncer/drop-all-capabilities';
import pgbouncerImageDigest from './rules/pgbouncer/image-digest';
import pgbouncerImageTag from './rules/pgbouncer/image-tag';
import pgbouncerKnownVulnerabilities from './rules/pgbouncer/known-vulnerabilities';
import pgbouncerNoHostAccess from './rules/pgbouncer/no-host-access';
import pgbouncerNoPrivilegeEscalation from './rules/pgbouncer/no-privilege-escalation';
import pgbouncerNoServiceAccountToken from './rules/pgbouncer/no-service-account-token';
import pgbouncerNonRoot from './rules/pgbouncer/non-root';
import pgbouncerProbes from './rules/pgbouncer/probes';
import pgbouncerPullPolicy from './rules/pgbouncer/pull-policy';
import pgbouncerReadOnlyRoot from './rules/pgbouncer/read-only-root';
import pgbouncerReplicas from './rules/pgbouncer/replicas';
import pgbouncerResources from './rules/pgbouncer/resources';
import pgbouncerSeccomp from './rules/pgbouncer/seccomp';
import pgbouncerSecretsAsFiles from './rules/pgbouncer/secrets-as-files';
import postgresqlConnectionLimit from './rules/postgresql/connection-limit';
import postgresqlNoDropCascade from './rules/postgresql/no-drop-cascade';
import postgresqlNoElevatedAttributes from './rules/postgresql/no-elevated-attributes';
import postgresqlNoPublicGrants from './rules/postgresql/no-public-grants';
import postgresqlNoSuperuser from './rules/postgresql/no-superuser';
import postgresqlOneGrantPerTuple from './rules/postgresql/one-grant-per-tuple';
import postgresqlProvider from './rules/postgresql/provider';
import postgresqlPublicDatabase from './rules/postgresql/public-database';
import postgresqlPublicSchema from './rules/postgresql/public-schema';
import postgresqlSchemaPreventDestroy from './rules/postgresql/schema-prevent-destroy';
import postgresqlScramVerifierPassword from './rules/postgresql/scram-verifier-password';
import postgresqlSearchPath from './rules/postgresql/search-path';
import postgresqlSerializedGrants from './rules/postgresql/serialized-grants';
import postgresqlStatementTimeout from './rules/postgresql/statement-timeout';
import redisBoundedMemory from './rules/redis/bounded-memory';
import redisConfinedUsers from './rules/redis/confined-users';
import redisDefaultUserOff from './rules/redis/default-user-off';
import redisNoDebugOrModules from './rules/redis/no-debug-or-modules';
import redisNoKeyEnumeration from './rules/redis/no-key-enumeration';
import redisNoPersistence from './rules/redis/no-persistence';
import rdsBackupRetention from './rules/rds/backup-retention';
import rdsCopyTagsToSnapshots from './rules/rds/copy-tags-to-snapshots';
import rdsCurrentCa from './rules/rds/current-ca';
import rdsCustomerManagedKey from './rules/rds/customer-managed-key';
import rdsDeletionProtection from './rules/rds/deletion-protection';
import rdsEngineVersion from './rules/rds/engine-version';
import rdsEnhancedMonitoring from './rules/rds/enhanced-monitoring';
import rdsFinalSnapshot from './rules/rds/final-snapshot';
import rdsGp3Storage from './rules/rds/gp3-storage';
import rdsIamAuthentication from './rules/rds/iam-authentication';
import rdsKeepAutomatedBackups from './rules/rds/keep-automated-backups';
import rdsLogExports from './rules/rds/log-exports';
import rdsManagedMasterPassword from './rules/rds/managed-master-password';
import rdsMasterUsername from './rules/rds/master-username';
import rdsMinorUpgrades from './rules/rds/minor-upgrades';
import rdsMultiAz from './rules/rds/multi-az';
import rdsNoExtendedSupport from './rules/rds/no-extended-support';
import rdsNoMajorUpgrades from './rules/rds/no-major-upgrades';
import rdsNonDefaultPort from './rules/rds/non-default-port';
import rdsNotPublic from './rules/rds/not-public';
import rdsPerformanceInsights from './rules/rds/performance-insights';
import rdsPerformanceInsightsCmk from './rules/rds/performance-insights-cmk';
import rdsPreventDestroy from './rules/rds/prevent-destroy';
import rdsSecurityGroupAttached from './rules/rds/security-group-attached';
import rdsStorageAutoscaling from './rules/rds/storage-autoscaling';
import rdsStorageEncrypted from './rules/rds/storage-encrypted';
import rdsSubnetGroup from './rules/rds/subnet-group';
import secretsManagerCmk from './rules/secrets-manager/cmk';
import secretsManagerNoPlainPassword from './rules/secrets-manager/no-plain-password';
import secretsManagerRotation from './rules/secrets-manager/rotation';
import s3AclsDisabled from './rules/s3/acls-disabled';
import s3KmsEncryption from './rules/s3/kms-encryption';
import s3NoncurrentExpiry from './rules/s3/noncurrent-expiry';
import s3PreventDestroy from './rules/s3/prevent-destroy';
import s3PublicAccessBlock from './rules/s3/public-access-block';
import s3TlsOnly from './rules/s3/tls-only';
import s3Versioning from './rules/s3/versioning';
import securityGroupDatabaseIngressFromGroups from './rules/security-group/database-ingress-from-groups';
import securityGroupDescription from './rules/security-group/description';
import securityGroupNoInlineRules from './rules/security-group/no-inline-rules';
import securityGroupNoWorldEgress from './rules/security-group/no-world-egress';
import securityGroupNoWorldIngress from './rules/security-group/no-world-ingress';
import securityGroupRuleDescription from './rules/security-group/rule-description';
import type { PolicyRule } from './rule';

export const policyRules: readonly PolicyRule[] = [
  applicationBoundedSessionPool,
  applicationExtensionsSchema,
  applicationFlowsHaveBothEnds,
  applicationPodPeers,
  applicationSecretPerApp,
  applicationSecretVariablesAreReferences,
  applicationSensitiveTables,
  backupCrossRegionCopy,
  backupPlanCoversDatabase,
  backupVaultCmk,
  backupVaultLock,
  backupVaultPreventDestroy,
  cloudflareAbortMultipart,
  cloudflareBucketPreventDestroy,
  cloudflareCorsMethods,
  cloudflareCorsOrigins,
  cloudflareMinTls,
  cloudflareNoDuplicateDns,
  cloudflareR2DevDisabled,
  cloudflareTokenSingleBucket,
  costDatabaseBudget,
  iamDescription,
  iamFederatedBoundary,
  iamGithubOidcTrust,
  iamNoAdminPolicy,
  iamNoFullAccess,
  iamScopedIamWrites,
  iamServiceTrust,
  kmsAlias,
  kmsDeletionWindow,
  kmsExplicitPolicy,
  kmsPreventDestroy,
  kmsRotation,
  kubernetesDefaultDeny,
  kubernetesLimitRange,
  kubernetesNoVpcWidePeer,
  kubernetesNoWorldCidr,
  kubernetesNotDefaultNamespace,
  kubernetesPodSecurityEnforce,
  kubernetesPodSecurityWarnAudit,
  kubernetesPolicySelectors,
  kubernetesResourceQuota,
  kubernetesSecretValuesAreReferences,
  kubernetesStandardLabels,
  observabilityAlarmActions,
  observabilityDestructiveCallAlarm,
  observabilityEventSubscription,
  observabilityTopicEncrypted,
  observabilityTopicTls,
  parameterGroupConnectionLogging,
  parameterGroupFamily,
  parameterGroupForceSsl,
  parameterGroupIdleTransactionTimeout,
  parameterGroupNoLogAll,
  parameterGroupQueryLogging,
  parameterGroupScram,
  parameterGroupStaticPendingReboot,
  pgbouncerIniAuthFile,
  pgbouncerIniConsoleUsers,
  pgbouncerIniScram,
  pgbouncerIniServerTls,
  pgbouncerIniTlsProtocols,
  pgbouncerIniTransactionPooling,
  pgbouncerDisruptionBudget,
  pgbouncerDropAllCapabilities,
  pgbouncerImageDigest,
  pgbouncerImageTag,
  pgbouncerKnownVulnerabilities,
  pgbouncerNoHostAccess,
  pgbouncerNoPrivilegeEscalation,
  pgbouncerNoServiceAccountToken,
  pgbouncerNonRoot,
  pgbouncerProbes,
  pgbouncerPullPolicy,
  pgbouncerReadOnlyRoot,
  pgbouncerReplicas,
  pgbouncerResources,
  pgbouncerSeccomp,
  pgbouncerSecretsAsFiles,
  postgresqlConnectionLimit,
  postgresqlNoDropCascade,
  postgresqlNoElevatedAttributes,
  postgresqlNoPublicGrants,
  postgresqlNoSuperuser,
  postgresqlOneGrantPerTuple,
  postgresqlProvider,
  postgresqlPublicDatabase,
  postgresqlPublicSchema,
  postgresqlSchemaPreventDestroy,
  postgresqlScramVerifierPassword,
  postgresqlSearchPath,
  postgresqlSerializedGrants,
  postgresqlStatementTimeout,
  redisBoundedMemory,
  redisConfinedUsers,
  redisDefaultUserOff,
  redisNoDebugOrModules,
  redisNoKeyEnumeration,
  redisNoPersistence,
  rdsBackupRetention,
  rdsCopyTagsToSnapshots,
  rdsCurrentCa,
  rdsCustomerManagedKey,
  rdsDeletionProtection,
  rdsEngineVersion,
  rdsEnhancedMonitoring,
  rdsFinalSnapshot,
  rdsGp3Storage,
  rdsIamAuthentication,
  rdsKeepAutomatedBackups,
  rdsLogExports,
  rdsManagedMasterPassword,
  rdsMasterUsername,
  rdsMinorUpgrades,
  rdsMultiAz,
  rdsNoExtendedSupport,
  rdsNoMajorUpgrades,
  rdsNonDefaultPort,
  rdsNotPublic,
  rdsPerformanceInsights,
  rdsPerformanceInsightsCmk,
  rdsPreventDestroy,
  rdsSecurityGroupAttached,
  rdsStorageAutoscaling,
  rdsStorageEncrypted,
  rdsSubnetGroup,
  secretsManagerCmk,
  secretsManagerNoPlainPassword,
  secretsManagerRotation,
  s3AclsDisabled,
  s3KmsEncryption,
  s3NoncurrentExpiry,
  s3PreventDestroy,
  s3PublicAccessBlock,
  s3TlsOnly,
  s3Versioning,
  securityGroupDatabaseIngressFromGroups,
  securityGroupDescription,
  securityGroupNoInlineRules,
  securityGroupNoWorldEgress,
  securityGroupNoWorldIngress,
  securityGroupRuleDescription,
];
