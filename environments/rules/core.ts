/**
 * Rules for the environment's identity: name, tier, AWS target, state backend, tags and network ids.
 */
import type { Checker, EnvironmentRule } from '../validation';
import {
  duplicates,
  isAccountId,
  isAwsId,
  isDnsLabel,
  isIpv4Cidr,
  isRegion,
  KNOWN_REGIONS,
  isS3BucketName,
  matches,
} from './formats';
import { loadBalancerApartFromPrivate, peersNarrowerThanVpc, subnetCidrs } from './network-peers';

const checkRegion = (c: Checker, field: string, region: string) =>
  c.check(field, region, isRegion(region), KNOWN_REGIONS);

export const coreRules: readonly EnvironmentRule[] = [
  (env, c) => {
    const tiers = ['development', 'production'];
    c.check(
      'name',
      env.name,
      isDnsLabel(env.name) && env.name.length <= 20,
      'a lowercase DNS label of at most 20 characters (letters, digits, hyphens)',
    );
    c.check('tier', env.tier, tiers.includes(env.tier), tiers.join(' | '));
  },
  (env, c) => {
    c.check('aws.accountId', env.aws.accountId, isAccountId(env.aws.accountId), 'a 12-digit AWS account id');
    checkRegion(c, 'aws.region', env.aws.region);
  },
  (env, c) => {
    c.check(
      'state.bucket',
      env.state.bucket,
      isS3BucketName(env.state.bucket),
      'an S3 bucket name (3–63 lowercase letters, digits, dots, hyphens)',
    );
    c.check(
      'state.key',
      env.state.key,
      matches(env.state.key, /^[A-Za-z0-9!_.*'()/-]+\.tfstate$/) &&
        !env.state.key.startsWith('/') &&
        env.state.key.includes(env.name),
      `an S3 key without a leading slash, ending in .tfstate and containing the environment name "${env.name}"`,
    );
    checkRegion(c, 'state.region', env.state.region);
  },
  (env, c) => {
    for (const [key, value] of Object.entries(env.tags)) {
      c.check(
        `tags.${key}`,
        key,
        key.length >= 1 && key.length <= 128 && !key.toLowerCase().startsWith('aws:'),
        'a tag key of 1–128 characters not starting with "aws:"',
      );
      c.check(
        `tags.${key}`,
        value,
        typeof value === 'string' && value.length <= 256,
        'a tag value of at most 256 characters',
      );
    }
  },
  (env, c) => {
    const net = env.network;
    c.check('network.vpcId', net.vpcId, isAwsId(net.vpcId, 'vpc'), 'a VPC id such as vpc-0123456789abcdef0');
    c.check('network.vpcCidr', net.vpcCidr, isIpv4Cidr(net.vpcCidr), 'an IPv4 CIDR such as 10.20.0.0/16');
    c.check(
      'network.privateSubnetIds',
      net.privateSubnetIds,
      net.privateSubnetIds.length >= 2 && duplicates(net.privateSubnetIds).length === 0,
      'at least two distinct private subnet ids (one per availability zone)',
    );
    net.privateSubnetIds.forEach((id, i) =>
      c.check(
        `network.privateSubnetIds[${i}]`,
        id,
        isAwsId(id, 'subnet'),
        'a subnet id such as subnet-0123456789abcdef0',
      ),
    );
    subnetCidrs(c, 'network.databaseSubnetCidrs', net.databaseSubnetCidrs, net.vpcCidr);
    if (net.databaseSubnetCidrs.length > 0)
      c.check(
        'network.databaseSubnetCidrs',
        net.databaseSubnetCidrs,
        net.databaseSubnetCidrs.length === net.privateSubnetIds.length,
        `one CIDR per private subnet id (${net.privateSubnetIds.length}), in the same order`,
      );
    subnetCidrs(c, 'network.loadBalancerSubnetCidrs', net.loadBalancerSubnetCidrs, net.vpcCidr);
    loadBalancerApartFromPrivate(c, env);
    peersNarrowerThanVpc(c, env);
    c.check(
      'network.clusterSecurityGroupId',
      net.clusterSecurityGroupId,
      isAwsId(net.clusterSecurityGroupId, 'sg'),
      'a security group id such as sg-0123456789abcdef0',
    );
  },
];
