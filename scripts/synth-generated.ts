/**
 * Synthesizes N environments derived from dev (bench helper): `node dist/scripts/synth-generated.js <N> <outdir>`.
 */
import type { EnvironmentConfig } from '../environments/config';
import { dev } from '../environments/dev';
import { createPlatformApp } from '../stacks/platform-app';

export function generatedEnvironments(count: number): EnvironmentConfig[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `env${String(i + 1).padStart(2, '0')}`;
    return {
      ...dev,
      name,
      state: { ...dev.state, key: `lightwave-platform/${name}/terraform.tfstate` },
      database: { ...dev.database, identifier: `lightwave-${name}` },
      delivery: {
        ...dev.delivery,
        githubEnvironment: name,
        planRole: { ...dev.delivery.planRole, name: `lightwave-${name}-plan` },
        deployRole: { ...dev.delivery.deployRole, name: `lightwave-${name}-deploy` },
      },
      cloudflare: {
        ...dev.cloudflare,
        media: { ...dev.cloudflare.media, bucketName: `lightwave-media-${name}` },
        cdn: {
          ...dev.cloudflare.cdn,
          domain: `cdn-${name}.lightwave-media.site`,
          managesZoneCacheRules: i === 0,
        },
      },
    };
  });
}

if (require.main === module) {
  const [count, outdir] = [Number(process.argv[2] ?? 10), process.argv[3] ?? 'cdktf.out.generated'];
  createPlatformApp(generatedEnvironments(count), { outdir }).synth();
}
