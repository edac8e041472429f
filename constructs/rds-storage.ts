/**
 * Facts about RDS gp3 storage the alarms are derived from.
 *
 * - Baseline: gp3 on RDS for PostgreSQL gives 3,000 IOPS and 125 MiB/s below 400 GiB, 12,000 IOPS and 500 MiB/s from
 *   400 GiB (Amazon RDS User Guide, "Amazon RDS DB instance storage", General Purpose SSD storage,
 *   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html#gp3-storage). gp3 has no burst bucket,
 *   so RDS's `BurstBalance` (gp2 only) never applies.
 * - Latency: gp3 is designed for "single-digit millisecond latency" (Amazon EBS User Guide, General Purpose SSD
 *   volumes, https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html): 10 ms is the bound.
 * - Autoscaling: RDS adds storage when free space is at most 10 % of the allocated storage for 5 minutes and 6 hours
 *   have passed since the last storage change (Amazon RDS User Guide, "Managing capacity automatically with Amazon RDS
 *   storage autoscaling", https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html).
 */

export const GP3_LATENCY_BOUND_SECONDS = 0.01;
export const AUTOSCALING_FREE_SHARE = 0.1;
const GP3_LARGE_VOLUME_GIB = 400;

/** Baseline IOPS of an RDS PostgreSQL gp3 volume of this size. */
export function gp3BaselineIops(allocatedGiB: number): number {
  return allocatedGiB >= GP3_LARGE_VOLUME_GIB ? 12000 : 3000;
}
