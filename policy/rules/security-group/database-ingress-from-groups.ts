/**
 * LW-SG-005: Database ingress comes only from security groups, on the database port.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-SG-005', () => ({
  title: 'Database ingress comes only from security groups, on the database port',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    "Only the EKS cluster's security group (PgBouncer) may reach the database, and only on its port. No scanner equivalent: the scanners ask that nothing be open to the world (LW-SG-003), not for a source group on one port.",
  types: ['aws_vpc_security_group_ingress_rule'],
  test: (r, env) => {
    const port = env.config.database.port;
    return (
      (typeof r.referenced_security_group_id === 'string' &&
        r.cidr_ipv4 === undefined &&
        r.from_port === port &&
        r.to_port === port) ||
      'not a security-group source on the database port'
    );
  },
}));
