/**
 * The stand-in for R2: a valid bucket name that is never a real environment's bucket (a local .env must not point
 * at production media), and a region clients can sign for.
 */
import type { LocalRule } from '../../validation';
import { isRegion, isS3BucketName, KNOWN_REGIONS } from '../formats';

export const localObjectStoreRules: readonly LocalRule[] = [
  ({ objectStore: { bucket } }, registry, c) => {
    c.check(
      'objectStore.bucket',
      bucket,
      isS3BucketName(bucket) && !bucket.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(bucket),
      'an S3 bucket name: 3–63 lowercase letters, digits, dots and hyphens, not an IP address',
    );
    const real = registry.find((e) => e.cloudflare.media.bucketName === bucket);
    c.check(
      'objectStore.bucket',
      bucket,
      real === undefined,
      `a name no environment uses for its R2 bucket (${real?.name}'s cloudflare.media.bucketName is ${bucket})`,
    );
  },
  ({ objectStore: { region } }, _registry, c) => {
    c.check(
      'objectStore.region',
      region,
      region === 'auto' || isRegion(region),
      `auto (as for R2) or ${KNOWN_REGIONS}`,
    );
  },
];
