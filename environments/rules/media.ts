/**
 * Rules for the Cloudflare side: R2's bucket naming, https origins, a CDN domain Universal SSL covers, sane TTLs.
 */
import type { EnvironmentRule } from '../validation';
import { duplicates, isIntegerIn, matches } from './formats';

const isCloudflareId = (id: unknown): id is string => matches(id, /^[0-9a-f]{32}$/);

/** An origin as browsers send it: https, a host, no path, query or credentials. */
function isHttpsOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.origin === value && !url.username;
  } catch {
    return false;
  }
}

export const mediaRules: readonly EnvironmentRule[] = [
  ({ cloudflare }, c) => {
    c.check(
      'cloudflare.accountId',
      cloudflare.accountId,
      isCloudflareId(cloudflare.accountId),
      'a Cloudflare account id: 32 lowercase hex characters',
    );
    const m = cloudflare.media;
    const locations = ['apac', 'eeur', 'enam', 'weur', 'wnam', 'oc'];
    c.check(
      'cloudflare.media.bucketName',
      m.bucketName,
      matches(m.bucketName, /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/),
      "an R2 bucket name: 3–63 lowercase letters, digits and hyphens, not starting or ending with '-'",
    );
    c.check(
      'cloudflare.media.locationHint',
      m.locationHint,
      locations.includes(m.locationHint),
      locations.join(' | '),
    );
    m.corsOrigins.forEach((origin, i) =>
      c.check(
        `cloudflare.media.corsOrigins[${i}]`,
        origin,
        isHttpsOrigin(origin),
        'an https origin such as https://lightwave-media.site (no path, no trailing slash)',
      ),
    );
    for (const origin of duplicates(m.corsOrigins))
      c.check('cloudflare.media.corsOrigins', origin, false, 'each origin listed once');
    c.check(
      'cloudflare.media.corsMaxAgeSeconds',
      m.corsMaxAgeSeconds,
      isIntegerIn(m.corsMaxAgeSeconds, 0, 86400),
      'an integer from 0 to 86400 seconds',
    );
    c.check(
      'cloudflare.media.abortIncompleteUploadsAfterDays',
      m.abortIncompleteUploadsAfterDays,
      isIntegerIn(m.abortIncompleteUploadsAfterDays, 1, 365),
      'an integer from 1 to 365 days',
    );
    m.expiryRules.forEach((rule, i) => {
      c.check(
        `cloudflare.media.expiryRules[${i}].id`,
        rule.id,
        matches(rule.id, /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
        'an id of letters, digits, hyphens and underscores',
      );
      c.check(
        `cloudflare.media.expiryRules[${i}].afterDays`,
        rule.afterDays,
        isIntegerIn(rule.afterDays, 1, 3650),
        'an integer from 1 to 3650 days',
      );
      c.check(
        `cloudflare.media.expiryRules[${i}].prefix`,
        rule.prefix,
        typeof rule.prefix === 'string' && !rule.prefix.startsWith('/'),
        "a key prefix without a leading '/' ('' for every object)",
      );
    });
    for (const id of duplicates(m.expiryRules.map((r) => r.id)))
      c.check('cloudflare.media.expiryRules', id, false, 'each rule id once');
  },
  ({ cloudflare: { cdn } }, c) => {
    const YEAR = 31_536_000;
    c.check(
      'cloudflare.cdn.zoneId',
      cdn.zoneId,
      isCloudflareId(cdn.zoneId),
      'a Cloudflare zone id: 32 lowercase hex characters',
    );
    const zoneOk = c.check(
      'cloudflare.cdn.zoneName',
      cdn.zoneName,
      matches(cdn.zoneName, /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/),
      'a DNS zone name such as lightwave-media.site',
    );
    const insideZone = zoneOk && typeof cdn.domain === 'string' && cdn.domain.endsWith(`.${cdn.zoneName}`);
    if (c.check('cloudflare.cdn.domain', cdn.domain, insideZone, `a name inside the zone ${cdn.zoneName}`)) {
      const label = cdn.domain.slice(0, -(cdn.zoneName.length + 1));
      c.check(
        'cloudflare.cdn.domain',
        cdn.domain,
        matches(label, /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/),
        `a first-level name such as cdn.${cdn.zoneName} or cdn-dev.${cdn.zoneName}: Universal SSL does not cover deeper names like cdn.dev.${cdn.zoneName}`,
      );
    }
    c.check(
      'cloudflare.cdn.minTlsVersion',
      cdn.minTlsVersion,
      ['1.2', '1.3'].includes(cdn.minTlsVersion),
      '1.2 | 1.3',
    );
    c.check(
      'cloudflare.cdn.edgeTtlSeconds',
      cdn.edgeTtlSeconds,
      isIntegerIn(cdn.edgeTtlSeconds, 60, YEAR),
      `an integer from 60 to ${YEAR} seconds`,
    );
    c.check(
      'cloudflare.cdn.browserTtlSeconds',
      cdn.browserTtlSeconds,
      isIntegerIn(cdn.browserTtlSeconds, 0, YEAR),
      `an integer from 0 to ${YEAR} seconds`,
    );
  },
];
