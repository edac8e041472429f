/**
 * `node dist/scripts/ci-settings.js <environment>`: the values a workflow needs from an environment's config, as
 * KEY=value lines for $GITHUB_ENV, so the workflows repeat none of them.
 */
import { environments } from '../environments';
import type { EnvironmentConfig } from '../environments/config';
import { databaseTunnelDocumentName } from '../stacks/database-tunnel-document';

export function ciSettings(env: EnvironmentConfig): Record<string, string> {
  return {
    LIGHTWAVE_ENVIRONMENT: env.name,
    LIGHTWAVE_STACK_DIR: `cdktf.out/stacks/${env.name}`,
    LIGHTWAVE_AWS_REGION: env.aws.region,
    LIGHTWAVE_AWS_ACCOUNT_ID: env.aws.accountId,
    LIGHTWAVE_TUNNEL_INSTANCE_ID: env.delivery.databaseTunnelInstanceId,
    LIGHTWAVE_TUNNEL_DOCUMENT: databaseTunnelDocumentName(env.name),
    LIGHTWAVE_DATABASE_LOCAL_PORT: String(env.databaseAccess.connection.port),
  };
}

if (require.main === module) {
  const name = process.argv[2];
  const env = environments.find((e) => e.name === name);
  if (!env) {
    console.error(`unknown environment "${name}"; registered: ${environments.map((e) => e.name).join(', ')}`);
    process.exit(1);
  }
  for (const [key, value] of Object.entries(ciSettings(env))) console.log(`${key}=${value}`);
}
