/**
 * Reading S3 buckets out of synthesized JSON: a bucket's settings live in separate resources that name it.
 */
import type { Block, TerraformJson } from '../synth/terraform-json';

/** The block of `type` configuring the bucket at `bucketAddress` (`bucket = "${aws_s3_bucket.x.id}"`). */
export function bucketSetting(stack: TerraformJson, type: string, bucketAddress: string): Block | undefined {
  return Object.values(stack.resource?.[type] ?? {}).find((b) => b.bucket === `\${${bucketAddress}.id}`);
}
