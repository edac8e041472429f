/**
 * Checks for the CIDRs NetworkPolicies admit: with the VPC CNI every pod has a VPC address, so a peer covering the
 * VPC CIDR admits every pod of every namespace. Peers name subnets inside the VPC, or addresses outside it; and the
 * peers of one policy are judged together, since two halves of the VPC admit it as surely as the VPC itself.
 */
import type { EnvironmentConfig } from '../config';
import type { Checker } from '../validation';
import { cidrCovers, cidrRanges, cidrsOverlap, isIpv4Cidr, rangesCover } from './formats';

/** What every peer check tells the reader. */
const WHY = 'every pod has a VPC address';

/**
 * Subnets of the VPC (`field` lists them): at least one, each an IPv4 CIDR inside the VPC and narrower than it, and
 * together not the whole VPC.
 */
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
  together(c, field, cidrs, vpcCidr);
}

/**
 * The peers of one policy (`field`, and what `joined` names) together leave part of the VPC out; one peer covering
 * it is reported alone.
 */
function together(c: Checker, field: string, cidrs: readonly string[], vpcCidr: string, joined = ''): void {
  if (cidrs.some((cidr) => cidrCovers(cidr, vpcCidr))) return;
  c.check(
    field,
    cidrs,
    !rangesCover(cidrRanges(cidrs), vpcCidr),
    `CIDRs${joined} that together leave part of the VPC ${vpcCidr} out (${WHY}): subnets of it, or addresses outside it`,
  );
}

/**
 * The load balancer's subnets share no address with the database (private) subnets: an app's HTTP ingress from
 * them would admit the pods and nodes there. (A CIDR covering the VPC is subnetCidrs' to report.)
 */
export function loadBalancerApartFromPrivate(c: Checker, env: EnvironmentConfig): void {
  const { loadBalancerSubnetCidrs, databaseSubnetCidrs, vpcCidr } = env.network;
  loadBalancerSubnetCidrs.forEach((cidr, i) => {
    if (cidrCovers(cidr, vpcCidr)) return;
    c.check(
      `network.loadBalancerSubnetCidrs[${i}]`,
      cidr,
      !databaseSubnetCidrs.some((db) => cidrsOverlap(cidr, db)),
      `a CIDR sharing no address with network.databaseSubnetCidrs (${databaseSubnetCidrs.join(', ')}): the private subnets' pods would reach the apps`,
    );
  });
}

/**
 * The CIDRs each NetworkPolicy of the environment admits by config, by the field listing them: each app's HTTPS
 * egress, and the media copy job's (its R2 and AWS ranges are one policy). (The load balancer and database subnets
 * are checked by subnetCidrs.)
 */
function peerGroups(env: EnvironmentConfig): { field: string; joined?: string; cidrs: [string, string][] }[] {
  const copy = env.dataProtection.mediaCopy;
  const listed = (field: string, cidrs: readonly string[]) =>
    cidrs.map((cidr, i): [string, string] => [`${field}[${i}]`, cidr]);
  return [
    ...Object.entries(env.cluster.apps).map(([key, app]) => {
      const field = `cluster.apps.${key}.httpsEgressCidrs`;
      return { field, cidrs: listed(field, app.httpsEgressCidrs) };
    }),
    {
      field: 'dataProtection.mediaCopy.awsHttpsEgressCidrs',
      joined: ' (with r2HttpsEgressCidrs, after them: one NetworkPolicy)',
      cidrs: (['awsHttpsEgressCidrs', 'r2HttpsEgressCidrs'] as const).flatMap((key) =>
        listed(`dataProtection.mediaCopy.${key}`, copy[key]),
      ),
    },
  ];
}

/**
 * No configured peer covers the VPC (a subnet of it, or addresses outside it), alone or with the other peers of its
 * policy. Malformed CIDRs and /0 are the owning rules' (cluster.ts, data-protection.ts) to report.
 */
export function peersNarrowerThanVpc(c: Checker, env: EnvironmentConfig): void {
  const vpc = env.network.vpcCidr;
  for (const group of peerGroups(env)) {
    const judged = group.cidrs.filter(([, cidr]) => isIpv4Cidr(cidr) && !cidr.endsWith('/0'));
    for (const [field, cidr] of judged)
      c.check(
        field,
        cidr,
        !cidrCovers(cidr, vpc),
        `a CIDR that does not cover the VPC ${vpc} (${WHY}): a subnet of it, or addresses outside it`,
      );
    together(
      c,
      group.field,
      judged.map(([, cidr]) => cidr),
      vpc,
      group.joined,
    );
  }
}
