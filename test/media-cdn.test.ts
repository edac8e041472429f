/**
 * Media and CDN layers: the R2 bucket, its CORS and lifecycle, the bucket-scoped token, the custom domain and the
 * cache rule, and what reaches Payload.
 */
import { environments } from '../environments';
import { AccountToken } from '@cdktf/provider-cloudflare/lib/account-token';
import { R2Bucket } from '@cdktf/provider-cloudflare/lib/r2-bucket';
import { R2BucketCors } from '@cdktf/provider-cloudflare/lib/r2-bucket-cors';
import { R2BucketLifecycle } from '@cdktf/provider-cloudflare/lib/r2-bucket-lifecycle';
import { R2CustomDomain } from '@cdktf/provider-cloudflare/lib/r2-custom-domain';
import { R2ManagedDomain } from '@cdktf/provider-cloudflare/lib/r2-managed-domain';
import { Ruleset } from '@cdktf/provider-cloudflare/lib/ruleset';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { synthEnvironment, synthEnvironmentText, withChange } from './support/synth';
import { onlyResource, resourcesOfType } from '../synth/terraform-json';

const prodText = synthEnvironmentText(prod);
const prodStack = JSON.parse(prodText);
const ACCOUNT = prod.cloudflare.accountId;

describe('R2 bucket', () => {
  test('lightwave-media in prod, lightwave-media-dev in dev, at the configured location', () => {
    expect(prodText).toHaveResourceWithProperties(R2Bucket, {
      account_id: ACCOUNT,
      name: 'lightwave-media',
      location: 'enam',
    });
    expect(onlyResource(synthEnvironment(dev), 'cloudflare_r2_bucket').name).toBe('lightwave-media-dev');
  });

  test('cannot be destroyed by a plan in production; can in development', () => {
    expect(onlyResource(prodStack, 'cloudflare_r2_bucket').lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(synthEnvironment(dev), 'cloudflare_r2_bucket')).not.toHaveProperty('lifecycle');
  });

  test('the public r2.dev URL is disabled', () => {
    expect(prodText).toHaveResourceWithProperties(R2ManagedDomain, {
      enabled: false,
      bucket_name: '${cloudflare_r2_bucket.media_bucket.name}',
    });
  });

  test('CORS lets the site origins GET and HEAD, and nothing writes from a browser', () => {
    expect(prodText).toHaveResourceWithProperties(R2BucketCors, {
      rules: [
        {
          id: 'site-read',
          allowed: { methods: ['GET', 'HEAD'], origins: prod.cloudflare.media.corsOrigins },
          expose_headers: ['ETag'],
          max_age_seconds: 3600,
        },
      ],
    });
  });

  test('browser uploads add PUT only when config asks', () => {
    const uploads = synthEnvironment(
      withChange(prod, (e) => (e.cloudflare.media.allowBrowserUploads = true)),
    );
    const rules = onlyResource(uploads, 'cloudflare_r2_bucket_cors').rules as {
      allowed: { methods: string[]; headers: string[] };
    }[];
    expect(rules[0].allowed).toEqual(
      expect.objectContaining({ methods: ['GET', 'HEAD', 'PUT'], headers: ['content-type'] }),
    );
  });

  test('no CORS rule at all without origins', () => {
    const none = synthEnvironment(withChange(prod, (e) => (e.cloudflare.media.corsOrigins = [])));
    expect(resourcesOfType(none, 'cloudflare_r2_bucket_cors')).toEqual({});
  });

  test('lifecycle aborts incomplete multipart uploads, and adds the configured expiry rules', () => {
    expect(prodText).toHaveResourceWithProperties(R2BucketLifecycle, {
      rules: [
        {
          id: 'abort-incomplete-multipart-uploads',
          enabled: true,
          conditions: { prefix: '' },
          abort_multipart_uploads_transition: { condition: { type: 'Age', max_age: 7 * 86400 } },
        },
      ],
    });
    const expiring = synthEnvironment(
      withChange(
        prod,
        (e) =>
          (e.cloudflare.media.expiryRules = [{ id: 'expire-previews', prefix: 'previews/', afterDays: 30 }]),
      ),
    );
    expect((onlyResource(expiring, 'cloudflare_r2_bucket_lifecycle').rules as unknown[])[1]).toEqual({
      id: 'expire-previews',
      enabled: true,
      conditions: { prefix: 'previews/' },
      delete_objects_transition: { condition: { type: 'Age', max_age: 30 * 86400 } },
    });
  });
});

describe('bucket-scoped token', () => {
  test('object read and write on this bucket only', () => {
    expect(prodText).toHaveResourceWithProperties(AccountToken, {
      account_id: ACCOUNT,
      policies: [
        {
          effect: 'allow',
          permission_groups: [
            {
              id: '${data.cloudflare_account_api_token_permission_groups_list.media_permission_object_read.result[0].id}',
            },
            {
              id: '${data.cloudflare_account_api_token_permission_groups_list.media_permission_object_write.result[0].id}',
            },
          ],
          resources: JSON.stringify({
            [`com.cloudflare.edge.r2.bucket.${ACCOUNT}_default_lightwave-media`]: '*',
          }),
        },
      ],
    });
    const lookups = prodStack.data.cloudflare_account_api_token_permission_groups_list as Record<
      string,
      unknown
    >;
    expect(
      Object.entries(lookups)
        .filter(([id]) => id.startsWith('media_'))
        .map(([, d]) => (d as { name: string }).name),
    ).toEqual([
      'Workers%20R2%20Storage%20Bucket%20Item%20Read',
      'Workers%20R2%20Storage%20Bucket%20Item%20Write',
    ]);
  });

  test("Payload's secret gains the S3 settings: token id as key, SHA-256 of its value as secret", () => {
    const env = (resourcesOfType(prodStack, 'kubernetes_secret_v1').cluster_payload_env.data ?? {}) as Record<
      string,
      string
    >;
    expect(env).toEqual(
      expect.objectContaining({
        S3_ENDPOINT: `https://${ACCOUNT}.r2.cloudflarestorage.com`,
        S3_REGION: 'auto',
        S3_BUCKET: 'lightwave-media',
        S3_ACCESS_KEY_ID: '${cloudflare_account_token.media_payload_token.id}',
        S3_SECRET_ACCESS_KEY: '${sha256(cloudflare_account_token.media_payload_token.value)}',
        CDN_BASE_URL: 'https://cdn.lightwave-media.site',
      }),
    );
  });
});

describe('CDN', () => {
  test('cdn.lightwave-media.site serves the bucket with TLS 1.2 or newer', () => {
    expect(prodText).toHaveResourceWithProperties(R2CustomDomain, {
      domain: 'cdn.lightwave-media.site',
      zone_id: prod.cloudflare.cdn.zoneId,
      enabled: true,
      min_tls: '1.2',
      bucket_name: '${cloudflare_r2_bucket.media_bucket.name}',
    });
    expect(onlyResource(synthEnvironment(dev), 'cloudflare_r2_custom_domain').domain).toBe(
      'cdn-dev.lightwave-media.site',
    );
  });

  test('the custom domain owns its DNS record: no second record is declared', () => {
    expect(resourcesOfType(prodStack, 'cloudflare_dns_record')).toEqual({});
    expect(resourcesOfType(prodStack, 'cloudflare_record')).toEqual({});
  });

  test("prod deploys the zone's one cache ruleset, with a rule per CDN domain of the zone and its TTLs", () => {
    const rule = (domain: string, edge: number, browser: number) => ({
      ref: `media_cache_${domain.split('.')[0].replace(/-/g, '_')}`,
      description: `Cache every media object on ${domain}`,
      expression: `(http.host eq "${domain}")`,
      action: 'set_cache_settings',
      action_parameters: {
        cache: true,
        edge_ttl: { mode: 'override_origin', default: edge },
        browser_ttl: { mode: 'override_origin', default: browser },
      },
      enabled: true,
    });
    expect(prodText).toHaveResourceWithProperties(Ruleset, {
      zone_id: prod.cloudflare.cdn.zoneId,
      kind: 'zone',
      phase: 'http_request_cache_settings',
      // One rule per registered environment in the zone, in registry order, with that environment's TTLs.
      rules: environments
        .filter((e) => e.cloudflare.cdn.zoneId === prod.cloudflare.cdn.zoneId)
        .map((e) =>
          rule(e.cloudflare.cdn.domain, e.cloudflare.cdn.edgeTtlSeconds, e.cloudflare.cdn.browserTtlSeconds),
        ),
    });
  });

  test('no other environment of the zone declares a second ruleset', () => {
    const others = environments.filter(
      (e) => e.name !== prod.name && e.cloudflare.cdn.zoneId === prod.cloudflare.cdn.zoneId,
    );
    expect(others.length).toBeGreaterThan(0);
    for (const env of others)
      expect(resourcesOfType(synthEnvironment(env), 'cloudflare_ruleset')).toEqual({});
  });
});

describe('cloudflare provider', () => {
  test('takes its token from CLOUDFLARE_API_TOKEN, never from config', () => {
    expect(prodStack.provider.cloudflare).toEqual([{}]);
    expect(prodText).not.toMatch(/"api_token"\s*:/);
  });
});
