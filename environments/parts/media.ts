/**
 * Configuration of the Cloudflare side: the R2 bucket Payload uploads media to, and the CDN domain serving it.
 */

export type R2LocationHint = 'apac' | 'eeur' | 'enam' | 'weur' | 'wnam' | 'oc';

export interface ExpiryRule {
  /** Rule id shown in the R2 dashboard. */
  readonly id: string;
  /** Objects under this key prefix ('' = every object) … */
  readonly prefix: string;
  /** … are deleted this many days after upload. */
  readonly afterDays: number;
}

export interface MediaConfig {
  /** R2 bucket name: 3–63 lowercase letters, digits and hyphens. */
  readonly bucketName: string;
  /** Where R2 places the bucket: apac, eeur, enam, weur, wnam or oc. */
  readonly locationHint: R2LocationHint;
  /** Site origins (https://…) allowed to read media from the browser (CORS GET/HEAD). */
  readonly corsOrigins: readonly string[];
  /** Also allow PUT from those origins (browser uploads with presigned URLs); Payload uploads server-side. */
  readonly allowBrowserUploads: boolean;
  /** How long browsers may cache a CORS preflight answer, in seconds. */
  readonly corsMaxAgeSeconds: number;
  /** Incomplete multipart uploads are aborted after this many days (their parts are billed until then). */
  readonly abortIncompleteUploadsAfterDays: number;
  /** Objects deleted after an age; empty keeps everything. */
  readonly expiryRules: readonly ExpiryRule[];
}

export interface CdnConfig {
  /** The Cloudflare zone, e.g. lightwave-media.site. */
  readonly zoneName: string;
  /** The zone's id (32 hex characters). */
  readonly zoneId: string;
  /** The media domain: a first-level name inside the zone (Universal SSL covers no deeper name). */
  readonly domain: string;
  /** Lowest TLS version the domain accepts: 1.2 or 1.3. */
  readonly minTlsVersion: '1.2' | '1.3';
  /** How long Cloudflare's edge keeps a media object, in seconds. */
  readonly edgeTtlSeconds: number;
  /** How long browsers keep it, in seconds. */
  readonly browserTtlSeconds: number;
  /**
   * This environment deploys the zone's cache rules, for the CDN domains of every environment in the zone: a zone has
   * one `http_request_cache_settings` ruleset, so exactly one environment per zone owns it.
   */
  readonly managesZoneCacheRules: boolean;
}

export interface CloudflareConfig {
  /** The Cloudflare account holding R2 and the zone (32 hex characters). */
  readonly accountId: string;
  readonly media: MediaConfig;
  readonly cdn: CdnConfig;
}
