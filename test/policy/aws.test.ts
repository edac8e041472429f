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
  principals: { type?: string; identifiers: string[] }[];
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
  'LW-RDS-002': {
    nonCompliant: (e) => (db(e).kms_key_id = 'alias/aws/rds'),
    address: DB,
    alsoNonCompliant: {
      'text before the key reference': (e) => (db(e).kms_key_id = 'x${aws_kms_key.k.arn}'),
      'text after it': (e) => (db(e).kms_key_id = '${aws_kms_key.k.arn}x'),
    },
  },
  'LW-RDS-003': { nonCompliant: (e) => delete db(e).publicly_accessible, address: DB },
  'LW-RDS-004': { nonCompliant: (e) => (db(e).deletion_protection = false), address: DB },
  'LW-RDS-005': {
    nonCompliant: (e) => (db(e).backup_retention_period = 3),
    address: DB,
    alsoCompliant: {
      '7 days': (e) => (db(e).backup_retention_period = 7),
      '35 days': (e) => (db(e).backup_retention_period = 35),
    },
    alsoNonCompliant: {
      '36 days': (e) => (db(e).backup_retention_period = 36),
      'not set': (e) => delete db(e).backup_retention_period,
    },
  },
  'LW-RDS-006': {
    compliant: (e) => (db(e).multi_az = true),
    nonCompliant: (e) => (db(e).multi_az = false),
    address: DB,
  },
  'LW-RDS-007': {
    nonCompliant: (e) => (db(e).monitoring_interval = 0),
    address: DB,
    alsoCompliant: {
      'every second': (e) => (db(e).monitoring_interval = 1),
      'every minute': (e) => (db(e).monitoring_interval = 60),
    },
    alsoNonCompliant: { 'without a role': (e) => delete db(e).monitoring_role_arn },
  },
  'LW-RDS-008': { nonCompliant: (e) => (db(e).performance_insights_enabled = false), address: DB },
  'LW-RDS-009': {
    nonCompliant: (e) => delete db(e).performance_insights_kms_key_id,
    address: DB,
    alsoNonCompliant: { 'AWS-managed key': (e) => (db(e).performance_insights_kms_key_id = 'alias/aws/rds') },
  },
  'LW-RDS-010': { nonCompliant: (e) => (db(e).iam_database_authentication_enabled = false), address: DB },
  'LW-RDS-011': {
    nonCompliant: (e) => (db(e).enabled_cloudwatch_logs_exports = ['postgresql']),
    address: DB,
    alsoNonCompliant: {
      'upgrade only': (e) => (db(e).enabled_cloudwatch_logs_exports = ['upgrade']),
      none: (e) => delete db(e).enabled_cloudwatch_logs_exports,
    },
  },
  'LW-RDS-012': { nonCompliant: (e) => (db(e).auto_minor_version_upgrade = false), address: DB },
  'LW-RDS-013': { nonCompliant: (e) => (db(e).copy_tags_to_snapshot = false), address: DB },
  'LW-RDS-014': {
    nonCompliant: (e) => (db(e).ca_cert_identifier = 'rds-ca-2019'),
    address: DB,
    alsoCompliant: {
      'RSA 4096': (e) => (db(e).ca_cert_identifier = 'rds-ca-rsa4096-g1'),
      'ECC 384': (e) => (db(e).ca_cert_identifier = 'rds-ca-ecc384-g1'),
      'RSA 2048': (e) => (db(e).ca_cert_identifier = 'rds-ca-rsa2048-g1'),
    },
  },
  'LW-RDS-015': {
    nonCompliant: (e) => (db(e).engine_version = '13.4'),
    address: DB,
    alsoCompliant: { 'a minor': (e) => (db(e).engine_version = '15.10') },
    alsoNonCompliant: {
      'another engine': (e) => (db(e).engine = 'mysql'),
      'major 115': (e) => (db(e).engine_version = '115'),
      'a suffix': (e) => (db(e).engine_version = '15.4x'),
    },
  },
  'LW-RDS-016': {
    nonCompliant: (e) => (db(e).username = 'postgres'),
    address: DB,
    alsoNonCompliant: {
      admin: (e) => (db(e).username = 'admin'),
      root: (e) => (db(e).username = 'root'),
      master: (e) => (db(e).username = 'master'),
    },
  },
  'LW-RDS-017': {
    nonCompliant: (e) => delete db(e).db_subnet_group_name,
    address: DB,
    alsoNonCompliant: {
      'a literal name': (e) => (db(e).db_subnet_group_name = 'default'),
      'a subnet the config does not declare private': (e) =>
        (resource(e.stack, 'aws_db_subnet_group').subnet_ids = [
          'subnet-0bbbbbbbbbbbbbb11',
          'subnet-0ccccccccccccccc9',
        ]),
    },
  },
  'LW-RDS-018': {
    nonCompliant: (e) => (db(e).vpc_security_group_ids = []),
    address: DB,
    alsoNonCompliant: {
      'a literal group id': (e) => (db(e).vpc_security_group_ids = ['sg-0123456789abcdef0']),
      'none at all': (e) => delete db(e).vpc_security_group_ids,
    },
  },
  'LW-RDS-019': {
    nonCompliant: (e) => (db(e).skip_final_snapshot = true),
    address: DB,
    alsoNonCompliant: { 'without a snapshot name': (e) => delete db(e).final_snapshot_identifier },
  },
  'LW-RDS-020': { nonCompliant: (e) => (db(e).delete_automated_backups = true), address: DB },
  'LW-RDS-021': {
    nonCompliant: (e) => (db(e).manage_master_user_password = false),
    address: DB,
    alsoNonCompliant: { 'a password in the config': (e) => (db(e).password = 'x') },
  },
  'LW-RDS-022': { nonCompliant: (e) => (db(e).allow_major_version_upgrade = true), address: DB },
  'LW-RDS-023': {
    nonCompliant: (e) => (db(e).max_allocated_storage = db(e).allocated_storage),
    address: DB,
    alsoCompliant: {
      'one GiB of headroom': (e) => (db(e).max_allocated_storage = Number(db(e).allocated_storage) + 1),
    },
    alsoNonCompliant: { 'not set': (e) => delete db(e).max_allocated_storage },
  },
  'LW-RDS-024': { nonCompliant: (e) => delete db(e).lifecycle, address: DB },
  'LW-RDS-025': {
    compliant: (e) => (db(e).port = 15432),
    nonCompliant: (e) => (db(e).port = 5432),
    address: DB,
    alsoNonCompliant: { 'the default port, unset': (e) => delete db(e).port },
  },
  'LW-RDS-026': { nonCompliant: (e) => (db(e).storage_type = 'gp2'), address: DB },
  'LW-RDS-027': {
    nonCompliant: (e) => (db(e).engine_lifecycle_support = 'open-source-rds-extended-support'),
    address: DB,
  },

  'LW-PG-001': { nonCompliant: (e) => setParameter(e, 'rds.force_ssl', '0') },
  'LW-PG-002': {
    nonCompliant: (e) => setParameter(e, 'log_min_duration_statement'),
    alsoNonCompliant: { 'no statement logging': (e) => setParameter(e, 'log_statement') },
  },
  'LW-PG-003': { nonCompliant: (e) => setParameter(e, 'log_statement', 'all') },
  'LW-PG-004': { nonCompliant: (e) => setParameter(e, 'password_encryption', 'md5') },
  'LW-PG-005': {
    nonCompliant: (e) => setParameter(e, 'log_disconnections', '0'),
    alsoNonCompliant: { 'no connection logging': (e) => setParameter(e, 'log_connections', '0') },
  },
  'LW-PG-006': {
    nonCompliant: (e) => setParameter(e, 'max_connections', '400', 'immediate'),
    alsoNonCompliant: {
      'shared_preload_libraries applied immediately': (e) =>
        setParameter(e, 'shared_preload_libraries', 'pg_stat_statements', 'immediate'),
    },
  },
  'LW-PG-007': {
    nonCompliant: (e) => setParameter(e, 'idle_in_transaction_session_timeout', '0'),
    alsoCompliant: { 'one millisecond': (e) => setParameter(e, 'idle_in_transaction_session_timeout', '1') },
    alsoNonCompliant: { unset: (e) => setParameter(e, 'idle_in_transaction_session_timeout') },
  },
  'LW-PG-008': { nonCompliant: (e) => (parameterGroup(e).family = 'postgres14') },

  'LW-SG-001': {
    nonCompliant: (e) => (resource(e.stack, 'aws_security_group').description = 'Managed by Terraform'),
    alsoNonCompliant: {
      blank: (e) => (resource(e.stack, 'aws_security_group').description = '  '),
      none: (e) => delete resource(e.stack, 'aws_security_group').description,
      'a one-character description': (e) => (resource(e.stack, 'aws_security_group').description = 'x'),
    },
  },
  'LW-SG-002': {
    nonCompliant: (e) => delete resource(e.stack, 'aws_vpc_security_group_ingress_rule').description,
    alsoNonCompliant: {
      blank: (e) => (resource(e.stack, 'aws_vpc_security_group_ingress_rule').description = ' '),
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
    alsoNonCompliant: {
      'from another port': (e) => (resource(e.stack, 'aws_vpc_security_group_ingress_rule').from_port = 6000),
      'from a CIDR as well': (e) =>
        (resource(e.stack, 'aws_vpc_security_group_ingress_rule').cidr_ipv4 = '10.0.0.0/8'),
      'from no group': (e) =>
        delete resource(e.stack, 'aws_vpc_security_group_ingress_rule').referenced_security_group_id,
    },
  },
  'LW-SG-006': {
    nonCompliant: (e) =>
      (resource(e.stack, 'aws_security_group').egress = [
        { cidr_blocks: ['10.0.0.0/8'], from_port: 0, to_port: 0, protocol: '-1' },
      ]),
    alsoNonCompliant: { 'inline ingress': (e) => (resource(e.stack, 'aws_security_group').ingress = []) },
  },

  'LW-KMS-001': { nonCompliant: (e) => (resource(e.stack, 'aws_kms_key').enable_key_rotation = false) },
  'LW-KMS-002': {
    nonCompliant: (e) => (resource(e.stack, 'aws_kms_key').deletion_window_in_days = 7),
    alsoCompliant: {
      '30 days': (e) => (resource(e.stack, 'aws_kms_key').deletion_window_in_days = 30),
      'unset (30)': (e) => delete resource(e.stack, 'aws_kms_key').deletion_window_in_days,
    },
  },
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

  'LW-SM-001': {
    nonCompliant: (e) => delete db(e).master_user_secret_kms_key_id,
    address: DB,
    alsoNonCompliant: {
      'an AWS-managed key': (e) => (db(e).master_user_secret_kms_key_id = 'alias/aws/secretsmanager'),
      'a secret without a key': (e) =>
        (e.stack.resource!.aws_secretsmanager_secret = { app: { name: 'app' } }),
    },
  },
  'LW-SM-002': {
    nonCompliant: (e) =>
      (e.stack.resource!.aws_secretsmanager_secret = { app: { name: 'app', kms_key_id: 'arn:aws:kms:key' } }),
    address: 'aws_secretsmanager_secret.app',
    alsoNonCompliant: {
      'rotation after 365 days': (e) => secretRotatingEvery(e, { automatically_after_days: 365 }),
      'a rate of 180 days': (e) => secretRotatingEvery(e, { schedule_expression: 'rate(180 days)' }),
      'a cron schedule (its interval is not bounded)': (e) =>
        secretRotatingEvery(e, { schedule_expression: 'cron(0 4 1 */6 ? *)' }),
      'rotation rules without an interval': (e) => secretRotatingEvery(e, {}),
      'a rate of 2,200 hours (92 days)': (e) =>
        secretRotatingEvery(e, { schedule_expression: 'rate(2200 hours)' }),
    },
    alsoCompliant: {
      'rotation every 30 days': (e) => secretRotatingEvery(e, { automatically_after_days: 30 }),
      'a rate of 12 hours': (e) => secretRotatingEvery(e, { schedule_expression: 'rate(12 hours)' }),
      'exactly 90 days': (e) => secretRotatingEvery(e, { automatically_after_days: 90 }),
      'a rate of 1,440 minutes': (e) => secretRotatingEvery(e, { schedule_expression: 'rate(1440 minutes)' }),
    },
  },
  'LW-SM-003': {
    nonCompliant: (e) =>
      (resource(e.stack, 'postgresql_role', 'database_access_role_payload_user').password = 'hunter2hunter2'),
    alsoCompliant: {
      'a generated password': (e) =>
        (resource(e.stack, 'postgresql_role', 'database_access_role_payload_user').password =
          '${random_password.p.result}'),
      'the SCRAM verifier computed at apply time': (e) =>
        (resource(e.stack, 'postgresql_role', 'database_access_role_payload_user').password =
          '${data.external.v.result.verifier}'),
      'a generated RDS master password': (e) => (db(e).password = '${random_password.master.result}'),
    },
    alsoNonCompliant: {
      'a reference with a suffix': (e) =>
        (resource(e.stack, 'postgresql_role', 'database_access_role_payload_user').password =
          '${random_password.p.result}x'),
      'a reference with a prefix': (e) =>
        (resource(e.stack, 'postgresql_role', 'database_access_role_payload_user').password =
          'x${random_password.p.result}'),
      'a data source result as the RDS master password (no verifier there, a value of unknown origin)': (e) =>
        (db(e).password = '${data.external.v.result.verifier}'),
      'a literal RDS master password': (e) => (db(e).password = 'hunter2hunter2'),
    },
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
      'an IRSA trust naming two service accounts': (e) =>
        irsaCondition(e, 'sub').values.push('system:serviceaccount:shared:other'),
      'an IRSA trust that also allows sts:AssumeRole': (e) => {
        const trust = irsaTrust(e) as TrustStatement & { actions: string[] };
        trust.actions = [...trust.actions, 'sts:AssumeRole'];
      },
      'an IRSA trust with a second principal': (e) =>
        irsaTrust(e).principals.push({ type: 'Service', identifiers: ['ec2.amazonaws.com'] }),
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
      'power user': (e) =>
        (resource(e.stack, 'aws_iam_role_policy_attachment').policy_arn =
          'arn:aws:iam::aws:policy/PowerUserAccess'),
      'IAM full access': (e) =>
        (resource(e.stack, 'aws_iam_role_policy_attachment').policy_arn =
          'arn:aws:iam::aws:policy/IAMFullAccess'),
    },
    alsoCompliant: {
      'the monitoring policy as managed_policy_arns': (e) =>
        (resource(e.stack, 'aws_iam_role').managed_policy_arns = [
          'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole',
        ]),
    },
  },
  'LW-IAM-003': {
    nonCompliant: (e) => delete resource(e.stack, 'aws_iam_role').description,
    alsoNonCompliant: { blank: (e) => (resource(e.stack, 'aws_iam_role').description = ' ') },
  },
};

describeRules(cases);

test('every AWS rule of the environment stacks has its cases here (delivery rules: delivery.test.ts)', () => {
  const delivery = ['LW-IAM-004', 'LW-IAM-005', 'LW-IAM-006', 'LW-IAM-007'];
  const ids = policyRules
    .map((r) => r.id)
    .filter((id) => /^LW-(RDS|PG|SG|KMS|SM|IAM)-/.test(id) && !delivery.includes(id));
  expect(Object.keys(cases).sort()).toEqual(ids.sort());
});
