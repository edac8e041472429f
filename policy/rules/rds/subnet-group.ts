/**
 * LW-RDS-017: RDS sits in its own DB subnet group of the private subnets the config declares.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-017', () => ({
  title: 'RDS sits in its own DB subnet group of the private subnets the config declares',
  severity: 'high',
  mirrors: ['RDS.18', 'RDS.46'],
  relation: {
    'RDS.18': "stricter: the subnet group must be this stack's own, of subnets the config declares private",
    'RDS.46':
      'narrower: the route tables live outside this stack, so the rule checks that the subnet group holds only network.privateSubnetIds (declared private in config), at least two; whether they route to an internet gateway is seen in the account only',
  },
  rationale:
    'A subnet group of private subnets keeps the instance inside the VPC, out of reach of any internet gateway.',
  types: ['aws_db_instance'],
  test: (db, env) => {
    const match = /^\$\{aws_db_subnet_group\.([\w-]+)\.name\}$/.exec(String(db.db_subnet_group_name ?? ''));
    const group = match ? env.stack.resource?.aws_db_subnet_group?.[match[1]] : undefined;
    if (!group) return 'not in a DB subnet group of this stack';
    const subnets = (group.subnet_ids as string[] | undefined) ?? [];
    const declared = env.config.network.privateSubnetIds;
    const undeclared = subnets.filter((s) => !declared.includes(s));
    if (undeclared.length > 0) return `subnets not in network.privateSubnetIds: ${undeclared.join(', ')}`;
    return subnets.length >= 2 || 'fewer than two private subnets';
  },
}));
