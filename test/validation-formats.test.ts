/**
 * The predicates and window arithmetic the validation rules share, at the edges of what they accept.
 */
import {
  cidrRanges,
  cidrsOverlap,
  duplicates,
  ipv4Range,
  isAccountId,
  isAwsId,
  isDnsLabel,
  isIntegerIn,
  isIpv4Cidr,
  isRegion,
  isS3BucketName,
  matches,
  rangeMinus,
  rangesCover,
  type Ipv4Range,
} from '../environments/rules/formats';
import { isCronSchedule } from '../environments/rules/cron';
import { actionMatches, isAction, isReadAction, readsData } from '../environments/rules/iam-actions';
import {
  minutes,
  parseBackupWindow,
  parseMaintenanceWindow,
  windowsOverlap,
} from '../environments/rules/windows';

const DAY = 1440;
const WEEK = 7 * DAY;

describe('formats', () => {
  test.each([
    [5, true],
    [1, true],
    [10, true],
    [0, false],
    [11, false],
    [1.5, false],
    ['5', false],
    [undefined, false],
  ])('isIntegerIn(%p, 1, 10) is %p', (value, expected) => expect(isIntegerIn(value, 1, 10)).toBe(expected));

  test('matches only strings', () => {
    expect(matches('abc', /^a/)).toBe(true);
    expect(matches('xbc', /^a/)).toBe(false);
    expect(matches(['abc'], /^a/)).toBe(false);
  });

  test.each([
    ['vpc-0123abcd', true],
    ['vpc-0123456789abcdef0', true],
    ['vpc-0123abcde', false],
    ['vpc-0123ABCD', false],
    ['xvpc-0123abcd', false],
    ['vpc-0123abc', false],
    ['subnet-0123abcd', false],
  ])('isAwsId(%p, vpc) is %p', (value, expected) => expect(isAwsId(value, 'vpc')).toBe(expected));

  test.each([
    ['123456789012', true],
    ['12345678901', false],
    ['1234567890123', false],
    ['a23456789012', false],
  ])('isAccountId(%p) is %p', (value, expected) => expect(isAccountId(value)).toBe(expected));

  test.each([
    ['us-east-1', true],
    ['us-gov-west-1', true],
    ['eu-central-2', true],
    ['US-east-1', false],
    ['us-east', false],
    ['us-east-12', false],
    ['useast-1', false],
    ['usa-east-1', false],
    ['us-east-1x', false],
    ['us-east-9', false],
    ['mx-central-1', true],
    ['cn-northwest-1', true],
  ])('isRegion(%p) is %p', (value, expected) => expect(isRegion(value)).toBe(expected));

  test.each([
    ['a', true],
    ['a-b0', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['-a', false],
    ['a-', false],
    ['A', false],
    ['a_b', false],
    ['', false],
  ])('isDnsLabel(%p) is %p', (value, expected) => expect(isDnsLabel(value)).toBe(expected));

  test.each([
    ['abc', true],
    ['a.b-c', true],
    ['a'.repeat(63), true],
    ['ab', false],
    ['a'.repeat(64), false],
    ['.ab', false],
    ['ab-', false],
    ['Abc', false],
  ])('isS3BucketName(%p) is %p', (value, expected) => expect(isS3BucketName(value)).toBe(expected));

  test.each([
    ['10.0.0.0/8', true],
    ['255.255.255.255/32', true],
    ['1.2.3.4/0', true],
    ['256.0.0.0/8', false],
    ['10.0.0.256/8', false],
    ['10.0.0.0/33', false],
    ['10.0.0/8', false],
    ['10.0.0.0', false],
    ['x10.0.0.0/8', false],
    ['10.0.0.0/8x', false],
    [8, false],
  ])('isIpv4Cidr(%p) is %p', (value, expected) => expect(isIpv4Cidr(value)).toBe(expected));

  test.each([
    [['10.20.0.0/17', '10.20.128.0/17'], '10.20.0.0/16', true],
    [['10.20.128.0/17', '10.20.0.0/17'], '10.20.0.0/16', true], // any order
    [['10.0.0.0/8'], '10.20.0.0/16', true],
    [['10.20.0.0/17', '10.20.128.0/18', '10.20.192.0/18'], '10.20.0.0/16', true], // adjacent, no overlap
    [['10.20.0.0/17', '10.20.0.0/18', '10.20.128.0/17'], '10.20.0.0/16', true], // nested
    [['10.20.0.0/17', '10.20.128.0/18'], '10.20.0.0/16', false], // the last quarter left out
    [['10.20.0.1/32', '10.20.0.0/17'], '10.20.0.0/16', false],
    [['10.20.1.0/24', '10.20.128.0/17'], '10.20.0.0/16', false], // a hole at the start
    [['10.19.0.0/16', '10.21.0.0/16'], '10.20.0.0/16', false], // around it, not over it
    [[], '10.20.0.0/16', false],
    [['0.0.0.0/0'], '255.255.255.255/32', true], // the last address
  ])('rangesCover(%j, %s) is %p', (cidrs, target, expected) =>
    expect(rangesCover(cidrRanges(cidrs), target)).toBe(expected),
  );

  test('rangeMinus takes each except out, at the edges too', () => {
    const range = ipv4Range('10.20.0.0/16') as Ipv4Range;
    const [first, last] = range;
    expect(rangeMinus(range, [])).toEqual([range]);
    expect(rangeMinus(range, cidrRanges(['10.20.0.0/16']))).toEqual([]);
    expect(rangeMinus(range, cidrRanges(['10.0.0.0/8']))).toEqual([]);
    expect(rangeMinus(range, cidrRanges(['10.20.0.0/32', '10.20.255.255/32']))).toEqual([
      [first + 1, last - 1],
    ]);
    expect(rangeMinus(range, cidrRanges(['10.20.128.0/17']))).toEqual([[first, first + 2 ** 15 - 1]]);
    expect(rangeMinus(range, cidrRanges(['10.20.1.0/24', '10.21.0.0/16']))).toEqual([
      [first, first + 255],
      [first + 512, last],
    ]);
  });

  test.each([
    ['10.20.0.0/20', '10.20.0.0/24', true],
    ['10.20.0.0/24', '10.20.0.0/20', true],
    ['10.20.0.0/24', '10.20.0.255/32', true],
    ['10.20.0.0/24', '10.20.1.0/24', false],
    ['10.20.0.0/24', 'x', false],
  ])('cidrsOverlap(%s, %s) is %p', (a, b, expected) => expect(cidrsOverlap(a, b)).toBe(expected));

  test('duplicates lists each repeated entry once', () => {
    expect(duplicates([])).toEqual([]);
    expect(duplicates(['a', 'b'])).toEqual([]);
    expect(duplicates(['a', 'b', 'a', 'a', 'b', 'c'])).toEqual(['a', 'b']);
  });
});

describe('windows', () => {
  test.each([
    ['03:00-03:30', { start: 180, end: 210 }],
    ['23:30-00:30', { start: 1410, end: 1470 }],
    ['00:00-23:59', { start: 0, end: 1439 }],
  ])('backup window %s', (text, interval) => expect(parseBackupWindow(text)).toEqual(interval));

  test.each([
    '03:00',
    '03:00-03:30-04:00',
    '24:00-01:00',
    '03:60-04:00',
    '3:00-04:00',
    '03:00-04:00x',
    'x03:00-04:00',
  ])('backup window %s is malformed', (text) => expect(parseBackupWindow(text)).toBeUndefined());

  test.each([
    ['mon:00:00-mon:00:30', { start: 0, end: 30 }],
    ['sun:04:00-sun:04:30', { start: 6 * DAY + 240, end: 6 * DAY + 270 }],
    ['sun:23:30-mon:00:30', { start: 6 * DAY + 1410, end: WEEK + 30 }],
    ['tue:01:00-tue:01:00', { start: DAY + 60, end: DAY + 60 + WEEK }],
  ])('maintenance window %s', (text, interval) => expect(parseMaintenanceWindow(text)).toEqual(interval));

  test.each([
    'sun:04:00',
    'xyz:04:00-sun:04:30',
    'sun:04:00-xyz:04:30',
    'sun:25:00-sun:26:00',
    'Sun:04:00-sun:04:30',
  ])('maintenance window %s is malformed', (text) => expect(parseMaintenanceWindow(text)).toBeUndefined());

  test.each(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])('%s is a day of the week', (day) => {
    const index = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(day);
    expect(parseMaintenanceWindow(`${day}:01:00-${day}:01:30`)).toEqual({
      start: index * DAY + 60,
      end: index * DAY + 90,
    });
  });

  test('minutes of an interval', () => expect(minutes({ start: 1410, end: 1470 })).toBe(60));

  test.each([
    ['03:00-03:30', 'wed:03:15-wed:04:00', true],
    ['03:00-03:30', 'wed:03:30-wed:04:00', false],
    ['03:00-03:30', 'wed:02:30-wed:03:00', false],
    ['03:00-03:30', 'wed:02:30-wed:03:01', true],
    ['23:30-00:30', 'mon:00:00-mon:00:30', true],
    ['00:00-00:30', 'sun:23:45-mon:00:15', true],
    ['01:00-01:30', 'sun:23:45-mon:00:15', false],
    ['23:50-00:10', 'sun:23:55-sun:23:59', true],
  ])('backup %s and maintenance %s overlap: %p', (backup, maintenance, expected) => {
    const [b, m] = [parseBackupWindow(backup), parseMaintenanceWindow(maintenance)];
    expect(windowsOverlap(b as never, m as never)).toBe(expected);
  });
});

describe('IAM actions', () => {
  test.each([
    ['rds:DescribeDBInstances', true],
    ['rds:Describe*', true],
    ['cloud-watch:Get', true],
    [' rds:DescribeDBInstances', false],
    ['rds:DescribeDBInstances ', false],
    ['rds:Describe DBInstances', false],
    ['RDS:DescribeDBInstances', false],
    ['rds:Describe**', false],
  ])('isAction(%p) is %p', (action, expected) => expect(isAction(action)).toBe(expected));

  test.each([
    ['rds:DescribeDBInstances', true],
    ['s3:GetObject', true],
    ['iam:ListRoles', true],
    ['dynamodb:BatchGetItem', true],
    ['rds:List*', true],
    ['rds:ModifyDBInstance', false],
    ['rds:ModifyDescribe', false],
    ['rds:xDescribeDBInstances', false],
    ['rds:Describe DBInstances', false],
  ])('isReadAction(%p) is %p', (action, expected) => expect(isReadAction(action)).toBe(expected));

  test.each([
    ['s3:Get*', 's3:GetObject', true],
    ['S3:getobject', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['a.b:X', 'a.b:X', true],
    ['a.b:X', 'aXb:X', false],
    ['s3:GetObject', 's3:GetObjectVersion', false],
  ])('actionMatches(%p, %p) is %p', (pattern, action, expected) =>
    expect(actionMatches(pattern, action)).toBe(expected),
  );

  test.each([
    'kms:Decrypt',
    'logs:GetLogEvents',
    's3:GetObject',
    's3:GetObjectVersion',
    'secretsmanager:GetSecretValue',
    'ssm:GetParameter',
    'ssm:GetParameters',
    'ssm:GetParametersByPath',
    's3:Get*',
    'ssm:*',
  ])('%s reads data', (action) => expect(readsData(action)).toBe(true));

  test.each(['rds:Describe*', 'kms:DescribeKey', 'logs:DescribeLogGroups', 's3:GetBucketPolicy'])(
    '%s reads configuration only',
    (action) => expect(readsData(action)).toBe(false),
  );
});

describe('isCronSchedule', () => {
  test.each([
    ['17 2 * * *', true],
    ['*/15 * * * *', true],
    ['0 0-6/2 1,15 1-12 0-7', true],
    ['59 23 31 12 7', true],
    ['61 2 * * *', false],
    ['0 24 * * *', false],
    ['0 0 0 * *', false],
    ['0 0 * 13 *', false],
    ['0 0 * * 8', false],
    ['5-1 * * * *', false],
    ['*/0 * * * *', false],
    ['1/2/3 * * * *', false],
    ['1-2-3 * * * *', false],
    ['daily', false],
    ['17 2 * *', false],
    ['17 2 * * * *', false],
    ['@daily', false],
    [17, false],
  ])('isCronSchedule(%p) is %p', (value, expected) => expect(isCronSchedule(value)).toBe(expected));
});
