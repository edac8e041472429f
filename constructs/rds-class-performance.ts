/**
 * What an RDS instance class sustains beyond its memory, for the alarms: the CPU credits of burstable classes and
 * whether the instance's EBS bandwidth bursts.
 *
 * - CPU credits (db.t3, db.t4g): one credit is one vCPU at 100 % for a minute; a class earns a fixed number per hour
 *   and banks at most 24 hours of them. Baseline = credits per hour ÷ 60 ÷ vCPUs. Amazon EC2 User Guide, "Key
 *   concepts for burstable performance instances", credit table
 *   (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-credits-baseline-concepts.html). RDS runs T3 and
 *   T4g in Unlimited mode: at zero credits they keep bursting and the surplus vCPU-hours are billed
 *   (https://aws.amazon.com/rds/instance-types/).
 * - EBS burst: RDS reports `EBSIOBalance%` and `EBSByteBalance%` for the instance sizes that can burst to their
 *   maximum EBS performance for 30 minutes a day (the sizes marked * in the EC2 "EBS-optimized by default" table):
 *   every T3/T4g size and the M6g, M6i, M7g, R6g, R7g sizes up to 4xlarge (Amazon RDS User Guide, "Amazon CloudWatch
 *   metrics for Amazon RDS", https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html).
 */
import { findInstanceClass, supportedInstanceClasses } from './rds-instance-classes';

export interface ClassPerformance {
  /** CPU credits earned per hour; undefined for classes that do not run on credits. */
  readonly cpuCreditsPerHour?: number;
  /** Share of its vCPUs a burstable class sustains without spending credits (0–1). @default - not burstable */
  readonly baselineShare?: number;
  /** The most credits the class banks: 24 hours of earnings. @default - not burstable */
  readonly maxCreditBalance?: number;
  /** RDS reports EBSIOBalance% and EBSByteBalance% for it. */
  readonly ebsBurst: boolean;
}

const creditsPerHourBySize: Readonly<Record<string, number>> = {
  micro: 12,
  small: 24,
  medium: 24,
  large: 36,
  xlarge: 96,
  '2xlarge': 192,
};
const burstableFamilies = ['t3', 't4g'];
const ebsBurstSizes = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge', '4xlarge'];

/** Performance facts of a supported class; throws for a class this platform does not know. */
export function classPerformance(instanceClass: string): ClassPerformance {
  const found = findInstanceClass(instanceClass);
  const [, family, size] = instanceClass.split('.');
  if (!found || !family || !size) {
    throw new Error(
      `database.instanceClass: "${instanceClass}" is not a supported RDS instance class; allowed: ${supportedInstanceClasses.join(', ')}`,
    );
  }
  const ebsBurst = burstableFamilies.includes(family) || ebsBurstSizes.includes(size);
  const credits = burstableFamilies.includes(family) ? creditsPerHourBySize[size] : undefined;
  if (credits === undefined) return { ebsBurst };
  return {
    cpuCreditsPerHour: credits,
    baselineShare: credits / 60 / found.vcpus,
    maxCreditBalance: credits * 24,
    ebsBurst,
  };
}
