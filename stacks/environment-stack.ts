/**
 * One Terraform stack per environment, named after it, so `cdktf deploy dev` and `cdktf diff prod` work as typed.
 *
 * The stack owns the state backend and the providers, and composes the layers. Providers take only values known at
 * plan time: the environment config, environment variables and data sources of things that already exist.
 */
import { S3Backend, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { appsTaking } from '../contract/lookup';
import { applicationContract } from '../contract/services';
import type { EnvironmentConfig } from '../environments/config';
import type { CdnConfig } from '../environments/parts/media';
import { stateKeyAliasArn } from './bootstrap-stack';
import { CdnLayer } from './cdn';
import { ClusterLayer } from './cluster';
import { DatabaseLayer } from './database';
import { DatabaseAccessLayer } from './database-access';
import { DataProtectionLayer } from './data-protection';
import { MediaLayer } from './media';
import { ObservabilityLayer } from './observability';
import { alertTopicKeyStatements } from '../constructs/alert-topic';
import { configureProviders } from './providers';
import { ReadableAddressStack } from './readable-stack';
import { workloadBoundaryArn } from './workload-boundary';

export class EnvironmentStack extends ReadableAddressStack {
  readonly database: DatabaseLayer;
  readonly databaseAccess: DatabaseAccessLayer;
  readonly media: MediaLayer;
  readonly cdn: CdnLayer;
  readonly cluster: ClusterLayer;
  readonly dataProtection: DataProtectionLayer;
  readonly observability: ObservabilityLayer;

  /**
   * @param zoneCacheRules CDN domains whose cache rules this stack deploys (zoneCacheRulesFor); @default - none
   */
  constructor(
    scope: Construct,
    readonly config: EnvironmentConfig,
    zoneCacheRules: readonly CdnConfig[] = [],
  ) {
    super(scope, config.name);

    const backend = new S3Backend(this, {
      bucket: config.state.bucket,
      key: config.state.key,
      region: config.state.region,
      encrypt: true,
      // Without it the backend asks for SSE-S3 (AES256), which the state bucket's policy refuses.
      kmsKeyId: stateKeyAliasArn(config),
    });
    // S3-native state locking (Terraform ≥ 1.10); cdktf 0.21's S3BackendConfig predates the option.
    backend.addOverride('use_lockfile', true);

    const providers = configureProviders(this, config);

    this.database = new DatabaseLayer(this, 'database', {
      tier: config.tier,
      aws: config.aws,
      database: config.database,
      network: config.network,
      keyPolicyStatements: alertTopicKeyStatements(),
      rolesBoundaryArn: workloadBoundaryArn(config.aws.accountId),
    });

    this.databaseAccess = new DatabaseAccessLayer(this, 'database_access', {
      tier: config.tier,
      access: config.databaseAccess,
      database: this.database.outputs,
    });

    const cloudflare = config.cloudflare;
    this.media = new MediaLayer(this, 'media', {
      tier: config.tier,
      accountId: cloudflare.accountId,
      media: cloudflare.media,
      writers: appsTaking(applicationContract, Object.keys(config.cluster.apps), 'media.access-key-id'),
    });
    this.cdn = new CdnLayer(this, 'cdn', {
      accountId: cloudflare.accountId,
      cdn: cloudflare.cdn,
      media: this.media.outputs,
      zoneCacheRules,
    });

    const media = this.media.outputs;
    this.cluster = new ClusterLayer(this, 'cluster', {
      environment: config.name,
      cluster: config.cluster,
      network: config.network,
      database: this.database.outputs,
      access: this.databaseAccess.outputs,
      media,
      cdnBaseUrl: this.cdn.outputs.publicBaseUrl,
      observability: config.observability,
    });

    this.observability = new ObservabilityLayer(this, 'observability', {
      aws: config.aws,
      database: config.database,
      databaseOutputs: this.database.outputs,
      connectionBudget: this.cluster.connectionBudget,
      observability: config.observability,
    });

    const copyNamespace = this.cluster.namespaces.get(config.dataProtection.mediaCopy.namespace);
    this.dataProtection = new DataProtectionLayer(this, 'data_protection', {
      environment: config.name,
      tier: config.tier,
      aws: config.aws,
      dataProtection: config.dataProtection,
      database: {
        outputs: this.database.outputs,
        backupWindow: config.database.backupWindow,
      },
      media,
      cluster: {
        namespace: copyNamespace?.name ?? config.dataProtection.mediaCopy.namespace,
        labels: this.cluster.labels,
        oidcIssuerUrl: config.cluster.oidcIssuerUrl,
      },
      drProvider: providers.awsDr,
      rolesBoundaryArn: workloadBoundaryArn(config.aws.accountId),
    });

    // What an operator needs to reach the database (`cdktf output <env>`); none of it is secret.
    new TerraformOutput(this, 'database_address', { value: this.database.outputs.address });
    new TerraformOutput(this, 'database_port', { value: this.database.outputs.port });
    new TerraformOutput(this, 'database_master_secret_arn', { value: this.database.outputs.masterSecretArn });
    new TerraformOutput(this, 'media_bucket_name', { value: media.bucketName });
    new TerraformOutput(this, 'cdn_base_url', { value: this.cdn.outputs.publicBaseUrl });
    new TerraformOutput(this, 'alert_topic_arn', { value: this.observability.outputs.alertTopicArn });
  }
}
