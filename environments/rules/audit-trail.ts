/**
 * Rules for the account's CloudTrail trail: a bucket of its own and a retention a reviewer chose.
 */
import type { EnvironmentConfig } from '../config';
import type { Checker, EnvironmentRule } from '../validation';
import { isIntegerIn, isS3BucketName } from './formats';

function checkBucket(env: EnvironmentConfig, c: Checker): void {
  const { bucketName } = env.observability.auditTrail;
  const others = [env.state.bucket, env.dataProtection.mediaCopy.bucketName];
  c.check(
    'observability.auditTrail.bucketName',
    bucketName,
    isS3BucketName(bucketName) && !others.includes(bucketName),
    `an S3 bucket name (3–63 lowercase letters, digits, dots, hyphens) of a bucket of its own (not ${others.join(' or ')})`,
  );
}

function checkRetention(env: EnvironmentConfig, c: Checker): void {
  c.check(
    'observability.auditTrail.logRetentionDays',
    env.observability.auditTrail.logRetentionDays,
    // Below 90 days the trail keeps less than CloudTrail's free event history already does.
    isIntegerIn(env.observability.auditTrail.logRetentionDays, 90, 3650),
    'an integer from 90 to 3650',
  );
}

export const auditTrailRules: readonly EnvironmentRule[] = [checkBucket, checkRetention];
