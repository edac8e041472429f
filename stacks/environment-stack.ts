/**
 * One Terraform stack per environment, named after it, so `cdktf deploy dev` and `cdktf diff prod` work as typed.
 *
 * The stack owns the state backend and the providers, and composes the layers. Providers take only values known at
 * plan time: the environment config, environment variables and data sources of things that already exist.
 */
import { S3Backend, TerraformElement, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct, Node } from 'constructs';
import type { EnvironmentConfig } from '../environments/config';
import { ClusterLayer } from './cluster';
import { DatabaseLayer } from './database';
import { DatabaseAccessLayer } from './database-access';
import { LogicalIdRegistry } from './logical-ids';
import { configureProviders } from './providers';

export class EnvironmentStack extends TerraformStack {
  readonly database: DatabaseLayer;
  readonly databaseAccess: DatabaseAccessLayer;
  readonly cluster: ClusterLayer;
  private readonly logicalIds = new LogicalIdRegistry();

  constructor(
    scope: Construct,
    readonly config: EnvironmentConfig,
  ) {
    super(scope, config.name);

    const backend = new S3Backend(this, {
      bucket: config.state.bucket,
      key: config.state.key,
      region: config.state.region,
      encrypt: true,
    });
    // S3-native state locking (Terraform ≥ 1.10); cdktf 0.21's S3BackendConfig predates the option.
    backend.addOverride('use_lockfile', true);

    configureProviders(this, config);

    this.database = new DatabaseLayer(this, 'database', {
      tier: config.tier,
      aws: config.aws,
      database: config.database,
      network: config.network,
    });

    this.databaseAccess = new DatabaseAccessLayer(this, 'database_access', {
      tier: config.tier,
      access: config.databaseAccess,
      database: this.database.outputs,
    });

    this.cluster = new ClusterLayer(this, 'cluster', {
      environment: config.name,
      cluster: config.cluster,
      network: config.network,
      database: this.database.outputs,
      access: this.databaseAccess.outputs,
    });

    // What an operator needs to reach the database (`cdktf output <env>`); none of it is secret.
    new TerraformOutput(this, 'database_address', { value: this.database.outputs.address });
    new TerraformOutput(this, 'database_port', { value: this.database.outputs.port });
    new TerraformOutput(this, 'database_master_secret_arn', { value: this.database.outputs.masterSecretArn });
  }

  protected allocateLogicalId(element: TerraformElement | Node): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : element;
    const components = node.scopes.slice(node.scopes.indexOf(this) + 1).map((scope) => scope.node.id);
    return components.length > 0 ? this.logicalIds.allocate(components) : '';
  }
}
