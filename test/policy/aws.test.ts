/**
 * Policy rules over the AWS resources: RDS, parameter group, security groups, KMS, Secrets Manager, IAM.
 */
import { policyRules } from '../../policy';
import type { Block } from '../../synth/terraform-json';
import { describeRules, resource, type MutableEnvironment, type RuleCase } from './support';

const db = (e: MutableEnvironment) => resource(e.stack, 'aws_db_instance');
const parameterGroup = (e: MutableEnvironment) => resource(e.stack, 'aws_db_parameter_group');
const setParameter = (e: MutableEnvironment, name: string, value?: string, applyMethod = 'immediate') => {
  const group = parameterGroup(e);
  const rest = (group.parameter as { name: string }[]).filter((p) => p.name !== name);
  group.parameter = value === undefined ? rest : [...rest, { name, value, apply_method: applyMethod }];
};
const DB = 'aws_db_instance.database_instance';
const ANY_IPV6_LONG = '0000:0000:0000:0000:0000:0000:0000:0000/0';
const addResource = (e: MutableEnvironment, type: string, name: string, block: Block) =>
  (e.stack.resource![type] = { ...e.stack.resource![type], [name]: block });
const openRule = (type: 'ingress' | 'egress'): Block => ({
  type,
  security_group_id: '${aws_security_group.database_security_group.id}',
  from_port: 443,
  to_port: 443,
  protocol: 'tcp',
  cidr_blocks: ['0.0.0.0/0'],
  description: 'open',
});
const worldRule = (e: MutableEnvironment, type: 'ingress' | 'egress') => {
  const rule = resource(e.stack, 'aws_vpc_security_group_ingress_rule');
  delete rule.referenced_security_group_id;
  rule.cidr_ipv6 = ANY_IPV6_LONG;
  if (type === 'egress') {
    delete e.stack.resource!.aws_vpc_security_group_ingress_rule;
    addResource(e, 'aws_vpc_security_group_egress_rule', 'any', rule);
  }
};
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
interface TrustStatement {
  principals: { identifiers: string[] }[];
  condition: { test: string; variable: string; values: string[] }[];
}
const irsaTrust = (e: MutableEnvironment) =>
  (
    e.stack.data!.aws_iam_policy_document.data_protection_media_copy_irsa_trust as {
      statement: TrustStatement[];
    }
  ).statement[0];
const irsaCondition = (e: MutableEnvironment, claim: string) => {
  const found = irsaTrust(e).condition.find((c) => c.variable.endsWith(`:${claim}`));
  if (!found) throw new Error(`no ${claim} condition`);
  return found;
};
const secretRotatingEvery = (e: MutableEnvironment, rules: Block) => {
  addResource(e, 'aws_secretsmanager_secret', 'app', {
    name: 'app',
    kms_key_id: '${aws_kms_key.database_kms_key.arn}',
  });
  addResource(e, 'aws_secretsmanager_secret_rotation', 'app', {
    secret_id: '${aws_secretsmanager_secret.app.id}',
    rotation_lambda_arn: 'arn:aws:lambda:eu-west-1:123456789012:function:rotate',
    rotation_rules: rules,
  });
};

const cases: Readonly<Record<string, RuleCase>> = {
  'LW-RDS-001': { nonCompliant: (e) => (db(e).storage_encrypted = false), address: DB },
  'LW-RDS-002': { nonCompliant: (e) => (db(e).kms_key_id = 'alias/aws/rds'), address: DB },
  'LW-RDS-003': { nonCompliant: (e) => delete db(e).publicly_accessible, address: DB },
  'LW-RDS-004': { nonCompliant: (e) => (db(e).deletion_protection = false), address: DB },
  'LW-RDS-005': { nonCompliant: (e) => (db(e).backup_retention_period = 3), address: DB },
  'LW-RDS-006': {
    compliant: (e) => (db(e).multi_az = true),
    nonCompliant: (e) => (db(e).multi_az = false),
    address: DB,
  },
  'LW-RDS-007': { nonCompliant: (e) => (db(e).monitoring_interval = 0), address: DB },
  'LW-RDS-008': { nonCompliant: (e) => (db(e).performance_insights_enabled = false), address: DB },
  'LW-RDS-009': { nonCompliant: (e) => delete db(e).performance_insights_kms_key_id, address: DB },
  'LW-RDS-010': { nonCompliant: (e) => (db(e).iam_database_authentication_enabled = false), address: DB },
  'LW-RDS-011': {
    nonCompliant: (e) => (db(e).enabled_cloudwatch_logs_exports = ['postgresql']),
    address: DB,
  },
  'LW-RDS-012': { nonCompliant: (e) => (db(e).auto_minor_version_upgrade = false), address: DB },
  'LW-RDS-013': { nonCompliant: (e) => (db(e).copy_tags_to_snapshot = false), address: DB },
  'LW-RDS-014': { nonCompliant: (e) => (db(e).ca_cert_identifier = 'rds-ca-2019'), address: DB },
  'LW-RDS-015': { nonCompliant: (e) => (db(e).engine_version = '13.4'), address: DB },
  'LW-RDS-016': { nonCompliant: (e) => (db(e).username = 'postgres'), address: DB },
  'LW-RDS-017': {
    nonCompliant: (e) => delete db(e).db_subnet_group_name,
    address: DB,
    alsoNonCompliant: {
      'a subnet the config does not declare private': (e) =>
        (resource(e.stack, 'aws_db_subnet_group').subnet_ids = [
          'subnet-0bbbbbbbbbbbbbb11',
          'subnet-0ccccccccccccccc9',
        ]),
    },
  },
  'LW-RDS-018': { nonCompliant: (e) => (db(e).vpc_security_group_ids = []), address: DB },
  'LW-RDS-019': { nonCompliant: (e) => (db(e).skip_final_snapshot = true), address: DB },
  'LW-RDS-020': { nonCompliant: (e) => (db(e).delete_automated_backups = true), address: DB },
  'LW-RDS-021': { nonCompliant: (e) => (db(e).manage_master_user_password = false), address: DB },
  'LW-RDS-022': { nonCompliant: (e) => (db(e).allow_major_version_upgrade = true), address: DB },
  'LW-RDS-023': { nonCompliant: (e) => (db(e).max_allocated_storage = db(e).allocated_storage), address: DB },
  'LW-RDS-024': { nonCompliant: (e) => delete db(e).lifecycle, address: DB },
  'LW-RDS-025': {
    compliant: (e) => (db(e).port = 15432),
    nonCompliant: (e) => (db(e).port = 5432),
    address: DB,
  },
  'LW-RDS-026': { nonCompliant: (e) => (db(e).storage_type = 'gp2'), address: DB },
  'LW-RDS-027': {
    nonCompliant: (e) => (db(e).engine_lifecycle_support = 'open-source-rds-extended-support'),
    address: DB,
  },

  'LW-PG-001': { nonCompliant: (e) => setParameter(e, 'rds.force_ssl', '0') },
  'LW-PG-002': { nonCompliant: (e) => setParameter(e, 'log_min_duration_statement') },
  'LW-PG-003': { nonCompliant: (e) => setParameter(e, 'log_statement', 'all') },
  'LW-PG-004': { nonCompliant: (e) => setParameter(e, 'password_encryption', 'md5') },
  'LW-PG-005': { nonCompliant: (e) => setParameter(e, 'log_disconnections', '0') },
  'LW-PG-006': {
    nonCompliant: (e) => setParameter(e, 'max_connections', '400', 'immediate'),
  },
  'LW-PG-007': { nonCompliant: (e) => setParameter(e, 'idle_in_transaction_session_timeout', '0') },
  'LW-PG-008': { nonCompliant: (e) => (parameterGroup(e).family = 'postgres14') },

  'LW-SG-001': {
    nonCompliant: (e) => (resource(e.stack, 'aws_security_group').description = 'Managed by Terraform'),
    alsoNonCompliant: {
      'a one-character description': (e) => (resource(e.stack, 'aws_security_group').description = 'x'),
    },
  },
  'LW-SG-002': {
    nonCompliant: (e) => delete resource(e.stack, 'aws_vpc_security_group_ingress_rule').description,
    alsoNonCompliant: {
      'the provider default "Managed by Terraform"': (e) =>
        (resource(e.stack, 'aws_vpc_security_group_ingress_rule').description = 'Managed by Terraform'),
      'an inline rule without description': (e) =>
        (resource(e.stack, 'aws_security_group').ingress = [
          { from_port: 5432, to_port: 5432, protocol: 'tcp', security_groups: ['sg-1'] },
        ]),
    },
  },
  'LW-SG-003': {
    nonCompliant: (e) => {
      const rule = resource(e.stack, 'aws_vpc_security_group_ingress_rule');
      delete rule.referenced_security_group_id;
      rule.cidr_ipv4 = '0.0.0.0/0';
    },
    address: 'aws_vpc_security_group_ingress_rule.database_ingress_from_cluster',
    alsoNonCompliant: {
      'an aws_security_group_rule from 0.0.0.0/0': (e) =>
        addResource(e, 'aws_security_group_rule', 'open', openRule('ingress')),
      'the long-form IPv6 any-address': (e) => worldRule(e, 'ingress'),
    },
    alsoCompliant: {
      'an aws_security_group_rule from the VPC': (e) =>
        addResource(e, 'aws_security_group_rule', 'vpc', {
          ...openRule('ingress'),
          cidr_blocks: ['10.20.0.0/16'],
        }),
      'an egress aws_security_group_rule to 0.0.0.0/0 (LW-SG-004 judges it)': (e) =>
        addResource(e, 'aws_security_group_rule', 'open', openRule('egress')),
    },
  },
  'LW-SG-004': {
    nonCompliant: (e) =>
      (e.stack.resource!.aws_vpc_security_group_egress_rule = {
        all: { security_group_id: 'sg', ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0', description: 'all' },
      }),
    address: 'aws_vpc_security_group_egress_rule.all',
    alsoNonCompliant: {
      'an aws_security_group_rule to 0.0.0.0/0': (e) =>
        addResource(e, 'aws_security_group_rule', 'open', openRule('egress')),
      'the long-form IPv6 any-address': (e) => worldRule(e, 'egress'),
    },
  },
  'LW-SG-005': {
    nonCompliant: (e) => (resource(e.stack, 'aws_vpc_security_group_ingress_rule').to_port = 6000),
  },
  'LW-SG-006': {
    nonCompliant: (e) =>
      (resource(e.stack, 'aws_security_group').egress = [
        { cidr_blocks: ['10.0.0.0/8'], from_port: 0, to_port: 0, protocol: '-1' },
      ]),
  },

  'LW-KMS-001': { nonCompliant: (e) => (resource(e.stack, 'aws_kms_key').enable_key_rotation = false) },
  'LW-KMS-002': { nonCompliant: (e) => (resource(e.stack, 'aws_kms_key').deletion_window_in_days = 7) },
  'LW-KMS-003': {
    nonCompliant: (e) => {
      const document = e.stack.data!.aws_iam_policy_document.database_key_policy as {
        statement: { principals: { identifiers: string[] }[] }[];
      };
      document.statement[0].principals[0].identifiers = ['*'];
    },
  },
  'LW-KMS-004': { nonCompliant: (e) => delete resource(e.stack, 'aws_kms_key').lifecycle },
  'LW-KMS-005': { nonCompliant: (e) => delete e.stack.resource!.aws_kms_alias },

  'LW-SM-001': { nonCompliant: (e) => delete db(e).master_user_secret_kms_key_id, address: DB },
  'LW-SM-002': {
    nonCompliant: (e) =>
      (e.stack.resource!.aws_secretsmanager_secret = { app: { name: 'app', kms_key_id: 'arn:aws:kms:key' } }),
    address: 'aws_secretsmanager_secret.app',
    alsoNonCompliant: {
      'rotation after 365 days': (e) => secretRotatingEvery(e, { automatically_after_days: 365 }),
      'a rate of 180 days': (e) => secretRotatingEvery(e, { schedule_expression: 'rate(180 days)' }),
    },
    alsoCompliant: {
      'rotation every 30 days': (e) => secretRotatingEvery(e, { automatically_after_days: 30 }),
      'a rate of 12 hours': (e) => secretRotatingEvery(e, { schedule_expression: 'rate(12 hours)' }),
    },
  },
  'LW-SM-003': {
    nonCompliant: (e) =>
      (resource(e.stack, 'postgresql_role', 'database_access_role_payload_user').password = 'hunter2hunter2'),
  },

  'LW-IAM-001': {
    nonCompliant: (e) => {
      const trust = e.stack.data!.aws_iam_policy_document.database_monitoring_trust as {
        statement: { principals: unknown[] }[];
      };
      trust.statement[0].principals = [{ type: 'AWS', identifiers: ['*'] }];
    },
    // The prod base's IRSA role (media copy job) passes: one service account, the STS audience, this cluster.
    alsoNonCompliant: {
      'an IRSA trust for every service account of a namespace': (e) =>
        (irsaCondition(e, 'sub').values = ['system:serviceaccount:shared:*']),
      'an IRSA trust without a sub condition': (e) => {
        const trust = irsaTrust(e);
        trust.condition = trust.condition.filter((c) => !c.variable.endsWith(':sub'));
      },
      'an IRSA trust with StringLike': (e) => (irsaCondition(e, 'sub').test = 'StringLike'),
      'an IRSA trust for any audience': (e) => (irsaCondition(e, 'aud').values = ['sts.amazonaws.com', '*']),
      "an IRSA trust of another cluster's issuer": (e) =>
        (irsaTrust(e).principals[0].identifiers = [
          'arn:aws:iam::222222222222:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF',
        ]),
    },
  },
  'LW-IAM-002': {
    nonCompliant: (e) => (resource(e.stack, 'aws_iam_role_policy_attachment').policy_arn = ADMIN),
    alsoNonCompliant: {
      'managed_policy_arns on the role': (e) =>
        (resource(e.stack, 'aws_iam_role').managed_policy_arns = [ADMIN]),
      'an aws_iam_policy_attachment': (e) =>
        addResource(e, 'aws_iam_policy_attachment', 'admin', {
          name: 'admin',
          roles: ['r'],
          policy_arn: ADMIN,
        }),
      'a user attachment': (e) =>
        addResource(e, 'aws_iam_user_policy_attachment', 'admin', { user: 'u', policy_arn: ADMIN }),
      'a group attachment': (e) =>
        addResource(e, 'aws_iam_group_policy_attachment', 'admin', { group: 'g', policy_arn: ADMIN }),
    },
    alsoCompliant: {
      'the monitoring policy as managed_policy_arns': (e) =>
        (resource(e.stack, 'aws_iam_role').managed_policy_arns = [
          'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole',
        ]),
    },
  },
  'LW-IAM-003': { nonCompliant: (e) => delete resource(e.stack, 'aws_iam_role').description },
};

describeRules(cases);

test('every AWS rule of the environment stacks has its cases here (delivery rules: delivery.test.ts)', () => {
  const delivery = ['LW-IAM-004', 'LW-IAM-005', 'LW-IAM-006', 'LW-IAM-007'];
  const ids = policyRules
    .map((r) => r.id)
    .filter((id) => /^LW-(RDS|PG|SG|KMS|SM|IAM)-/.test(id) && !delivery.includes(id));
  expect(Object.keys(cases).sort()).toEqual(ids.sort());
});
