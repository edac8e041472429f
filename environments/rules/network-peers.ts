/**
 * Checks for the CIDRs NetworkPolicies admit: with the VPC CNI every pod has a VPC address, so a peer covering the
 * VPC CIDR admits every pod of every namespace. Peers name subnets inside the VPC, or addresses outside it.
 */
import type { EnvironmentConfig } from '../config';
import type { Checker } from '../validation';
import { cidrCovers, isIpv4Cidr } from './formats';

/** Subnets of the VPC (`field` lists them): at least one, each an IPv4 CIDR inside the VPC and narrower than it. */
export function subnetCidrs(c: Checker, field: string, cidrs: readonly string[], vpcCidr: string): void {
  c.check(field, cidrs, cidrs.length > 0, 'at least one subnet CIDR');
  cidrs.forEach((cidr, i) =>
    c.check(
      `${field}[${i}]`,
      cidr,
      isIpv4Cidr(cidr) && cidrCovers(vpcCidr, cidr) && !cidrCovers(cidr, vpcCidr),
      `an IPv4 CIDR inside the VPC ${vpcCidr} and narrower than it (a subnet, not the VPC)`,
    ),
  );
}

/**
 * Every CIDR a NetworkPolicy of the environment admits by config, by field: the apps' HTTPS egress and the media copy
 * job's. (The load balancer and database subnets are checked by subnetCidrs.)
 */
function peerCidrs(env: EnvironmentConfig): [string, string][] {
  const copy = env.dataProtection.mediaCopy;
  return [
    ...Object.entries(env.cluster.apps).flatMap(([key, app]) =>
      app.httpsEgressCidrs.map((cidr, i): [string, string] => [
        `cluster.apps.${key}.httpsEgressCidrs[${i}]`,
        cidr,
      ]),
    ),
    ...(['awsHttpsEgressCidrs', 'r2HttpsEgressCidrs'] as const).flatMap((key) =>
      copy[key].map((cidr, i): [string, string] => [`dataProtection.mediaCopy.${key}[${i}]`, cidr]),
    ),
  ];
}

/**
 * No configured peer covers the VPC (a subnet of it, or addresses outside it). Malformed CIDRs and /0 are the
 * owning rules' (cluster.ts, data-protection.ts) to report.
 */
export function peersNarrowerThanVpc(c: Checker, env: EnvironmentConfig): void {
  const vpc = env.network.vpcCidr;
  for (const [field, cidr] of peerCidrs(env)) {
    if (!isIpv4Cidr(cidr) || cidr.endsWith('/0')) continue;
    c.check(
      field,
      cidr,
      !cidrCovers(cidr, vpc),
      `a CIDR that does not cover the VPC ${vpc} (every pod has a VPC address): a subnet of it, or addresses outside it`,
    );
  }
}
