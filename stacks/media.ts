/**
 * Media layer: the R2 bucket the applications upload to, private except through the CDN domain (the rate-limited
 * r2.dev URL is off), readable cross-origin from the site, cleaned of abandoned multipart uploads, and per application
 * that stores media a token that can only read and write objects in this one bucket, turned into S3 credentials.
 */
import { R2Bucket } from '@cdktf/provider-cloudflare/lib/r2-bucket';
import { R2BucketCors } from '@cdktf/provider-cloudflare/lib/r2-bucket-cors';
import { R2BucketLifecycle } from '@cdktf/provider-cloudflare/lib/r2-bucket-lifecycle';
import { R2ManagedDomain } from '@cdktf/provider-cloudflare/lib/r2-managed-domain';
import { Construct } from 'constructs';
import { r2BucketToken } from '../constructs/r2-bucket-token';
import type { EnvironmentTier } from '../environments/config';
import type { MediaConfig } from '../environments/parts/media';

export interface MediaLayerProps {
  readonly tier: EnvironmentTier;
  readonly accountId: string;
  readonly media: MediaConfig;
  /** The applications that read and write the bucket, each with a token of its own (construct id `<app>_token`). */
  readonly writers: readonly string[];
}

/** S3 credentials of one application's bucket-scoped token. */
export interface MediaCredentials {
  /** The token's id (R2's access key id). */
  readonly accessKeyId: string;
  /** SHA-256 of the token's value (R2's secret access key), computed at apply time. */
  readonly secretAccessKey: string;
}

/** S3-compatible access to the bucket, as a storage adapter (Payload's s3Adapter) takes it. */
export interface MediaOutputs {
  readonly bucket: R2Bucket;
  readonly accountId: string;
  readonly bucketName: string;
  readonly endpoint: string;
  readonly region: 'auto';
  /** Credentials by application (`writers`). */
  readonly credentials: ReadonlyMap<string, MediaCredentials>;
}

const DAY = 86_400;

export class MediaLayer extends Construct {
  readonly outputs: MediaOutputs;

  constructor(scope: Construct, id: string, props: MediaLayerProps) {
    super(scope, id);
    const { accountId, media } = props;

    const bucket = new R2Bucket(this, 'bucket', {
      accountId,
      name: media.bucketName,
      location: media.locationHint,
      jurisdiction: 'default',
      storageClass: 'Standard',
      // The media library lives here: in production a plan that deletes the bucket fails.
      ...(props.tier === 'production' ? { lifecycle: { preventDestroy: true } } : {}),
    });
    const onBucket = { accountId, bucketName: bucket.name, jurisdiction: 'default' };

    new R2ManagedDomain(this, 'r2_dev_url', { ...onBucket, enabled: false });

    if (media.corsOrigins.length > 0) {
      const methods = media.allowBrowserUploads ? ['GET', 'HEAD', 'PUT'] : ['GET', 'HEAD'];
      new R2BucketCors(this, 'cors', {
        ...onBucket,
        rules: [
          {
            id: media.allowBrowserUploads ? 'site-read-write' : 'site-read',
            allowed: {
              methods,
              origins: [...media.corsOrigins],
              ...(media.allowBrowserUploads ? { headers: ['content-type'] } : {}),
            },
            exposeHeaders: ['ETag'],
            maxAgeSeconds: media.corsMaxAgeSeconds,
          },
        ],
      });
    }

    new R2BucketLifecycle(this, 'lifecycle', {
      ...onBucket,
      rules: [
        {
          id: 'abort-incomplete-multipart-uploads',
          enabled: true,
          conditions: { prefix: '' },
          abortMultipartUploadsTransition: {
            condition: { type: 'Age', maxAge: media.abortIncompleteUploadsAfterDays * DAY },
          },
        },
        ...media.expiryRules.map((rule) => ({
          id: rule.id,
          enabled: true,
          conditions: { prefix: rule.prefix },
          deleteObjectsTransition: { condition: { type: 'Age', maxAge: rule.afterDays * DAY } },
        })),
      ],
    });

    const credentials = new Map(
      props.writers.map((app) => {
        const token = r2BucketToken(this, `${app}_token`, {
          accountId,
          bucketName: media.bucketName,
          tokenName: `${app}-media-${media.bucketName}`,
          permissions: ['object_read', 'object_write'],
        });
        return [app, { accessKeyId: token.accessKeyId, secretAccessKey: token.secretAccessKey }];
      }),
    );

    this.outputs = {
      bucket,
      accountId,
      bucketName: media.bucketName,
      endpoint: `https://${accountId}.r2.cloudflarestorage.com`,
      region: 'auto',
      credentials,
    };
  }
}
