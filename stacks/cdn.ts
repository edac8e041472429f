/**
 * CDN layer: the media bucket served at its custom domain (which creates and owns its DNS record, so no second record
 * is declared for that name), TLS 1.2 or newer, and cache rules with the configured edge and browser TTLs (by default
 * Cloudflare caches only some file extensions).
 *
 * A zone has one entrypoint ruleset per phase, so the zone's `http_request_cache_settings` ruleset is deployed by the
 * one environment that manages it, with a rule for the CDN domain of every environment in the zone.
 */
import { R2CustomDomain } from '@cdktf/provider-cloudflare/lib/r2-custom-domain';
import { Ruleset } from '@cdktf/provider-cloudflare/lib/ruleset';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../environments/config';
import type { CdnConfig } from '../environments/parts/media';
import type { MediaOutputs } from './media';

export interface CdnLayerProps {
  readonly accountId: string;
  readonly cdn: CdnConfig;
  readonly media: MediaOutputs;
  /** CDN domains whose cache rules this environment deploys (see zoneCacheRulesFor); empty: none. */
  readonly zoneCacheRules: readonly CdnConfig[];
}

/** The CDN configs `env` deploys cache rules for: every environment's in its zone if it manages them, else none. */
export function zoneCacheRulesFor(env: EnvironmentConfig, envs: readonly EnvironmentConfig[]): CdnConfig[] {
  if (!env.cloudflare.cdn.managesZoneCacheRules) return [];
  return envs
    .filter((e) => e.cloudflare.cdn.zoneId === env.cloudflare.cdn.zoneId)
    .map((e) => e.cloudflare.cdn)
    .sort((a, b) => a.domain.localeCompare(b.domain));
}

export interface CdnOutputs {
  /** Base URL media is served from, e.g. https://cdn.lightwave-media.site */
  readonly publicBaseUrl: string;
}

export class CdnLayer extends Construct {
  readonly outputs: CdnOutputs;

  constructor(scope: Construct, id: string, props: CdnLayerProps) {
    super(scope, id);
    const { cdn } = props;

    new R2CustomDomain(this, 'custom_domain', {
      accountId: props.accountId,
      bucketName: props.media.bucket.name,
      jurisdiction: 'default',
      domain: cdn.domain,
      zoneId: cdn.zoneId,
      enabled: true,
      minTls: cdn.minTlsVersion,
    });

    if (props.zoneCacheRules.length > 0) {
      new Ruleset(this, 'cache_rules', {
        zoneId: cdn.zoneId,
        kind: 'zone',
        phase: 'http_request_cache_settings',
        name: `Cache settings of ${cdn.zoneName}`,
        description: 'Managed by lightwave-platform (cdktf): the one cache-settings ruleset of this zone',
        rules: props.zoneCacheRules.map((host) => ({
          ref: `media_cache_${host.domain.split('.')[0].replace(/-/g, '_')}`,
          description: `Cache every media object on ${host.domain}`,
          expression: `(http.host eq "${host.domain}")`,
          action: 'set_cache_settings',
          actionParameters: {
            cache: true,
            edgeTtl: { mode: 'override_origin', default: host.edgeTtlSeconds },
            browserTtl: { mode: 'override_origin', default: host.browserTtlSeconds },
          },
          enabled: true,
        })),
      });
    }

    this.outputs = { publicBaseUrl: `https://${cdn.domain}` };
  }
}
