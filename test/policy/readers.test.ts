/**
 * The readers the policy rules share (policy/aws.ts, kubernetes.ts, postgresql.ts, pgbouncer-ini.ts, redis.ts,
 * s3.ts) and the rule shapes of policy/rule.ts, on small hand-written blocks: the rule tests start from the
 * synthesized environments, which never hold the edges these readers must get right.
 */
import { dev } from '../../environments/dev';
import { prod } from '../../environments/prod';
import {
  coversEveryAddress,
  isDescription,
  parameters,
  policyStatements,
  type PolicyStatement,
  referencing,
  trustsGitHubOidc,
  worldCidrs,
} from '../../policy/aws';
import { containers, isPooler, namespaceOf } from '../../policy/kubernetes';
import { iniSection, iniSettings } from '../../policy/pgbouncer-ini';
import { revokeFromPublic } from '../../policy/postgresql';
import { aclUsers, isEnabled, redisDirectives } from '../../policy/redis';
import { resourceRule, stackRule } from '../../policy/rule';
import { bucketSetting } from '../../policy/s3';
import type { TerraformJson } from '../../synth/terraform-json';

describe('AWS readers', () => {
  test.each([
    ['0.0.0.0/0', true],
    [' ::/0 ', true],
    ['0000:0000::/00', true],
    ['*', true],
    [' * ', true],
    ['10.0.0.0/8', false],
    ['10.0.0.0/10', false],
    ['192.168.0.0/0x', false],
    ['**', false],
  ])('coversEveryAddress(%p) is %p', (cidr, expected) => expect(coversEveryAddress(cidr)).toBe(expected));

  test('worldCidrs collects every open CIDR of the direction, inline rules included', () => {
    const group = {
      cidr_blocks: ['0.0.0.0/0', '10.0.0.0/8'],
      ipv6_cidr_blocks: ['::/0'],
      ingress: [{ cidr_blocks: ['*'] }, { ipv6_cidr_blocks: ['::/0', 'fd00::/8'] }, {}],
      egress: [{ cidr_blocks: ['0.0.0.0/0'] }],
    };
    expect(worldCidrs(group, 'ingress')).toEqual(['0.0.0.0/0', '::/0', '*', '::/0']);
    expect(worldCidrs({}, 'egress')).toEqual([]);
  });

  test('worldCidrs reads a rule resource of its direction, and skips one of the other', () => {
    expect(worldCidrs({ type: 'ingress', cidr_ipv4: '0.0.0.0/0', cidr_ipv6: '::/0' }, 'ingress')).toEqual([
      '0.0.0.0/0',
      '::/0',
    ]);
    expect(worldCidrs({ type: 'egress', cidr_blocks: ['0.0.0.0/0'] }, 'ingress')).toBeNull();
  });

  test.each([
    ['ab', true],
    ['a', false],
    [' a ', false],
    ['Managed by Terraform', false],
    [undefined, false],
  ])('isDescription(%p) is %p', (value, expected) => expect(isDescription(value)).toBe(expected));

  test('parameters are keyed by name; a group without any has none', () => {
    const group = { parameter: [{ name: 'rds.force_ssl', value: '1', apply_method: 'pending-reboot' }] };
    expect(parameters(group).get('rds.force_ssl')).toEqual({
      name: 'rds.force_ssl',
      value: '1',
      apply_method: 'pending-reboot',
    });
    expect(parameters({}).size).toBe(0);
  });

  const github = 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com';
  test.each<[string, boolean, PolicyStatement['principals']]>([
    ['the GitHub provider', true, [{ type: 'Federated', identifiers: [github] }]],
    [
      'the GitHub provider among others',
      true,
      [
        { type: 'Service', identifiers: ['ec2.amazonaws.com'] },
        { type: 'Federated', identifiers: ['x', github] },
      ],
    ],
    ['its ARN as an AWS principal', false, [{ type: 'AWS', identifiers: [github] }]],
    [
      'another OIDC provider',
      false,
      [{ type: 'Federated', identifiers: ['arn:aws:iam::1:oidc-provider/example.com'] }],
    ],
    ['no principals', false, undefined],
  ])('trusting %s federates GitHub OIDC: %p', (_what, expected, principals) =>
    expect(trustsGitHubOidc({ principals })).toBe(expected),
  );

  const stack: TerraformJson = {
    data: { aws_iam_policy_document: { deploy: { statement: [{ actions: ['s3:GetObject'] }] }, empty: {} } },
    resource: {
      aws_iam_role_policy_attachment: {
        a: { role: '${aws_iam_role.deploy.name}' },
        b: { role: '${aws_iam_role.deployer.name}' },
        c: {},
      },
    },
  };

  test('policyStatements reads a whole document reference only', () => {
    expect(policyStatements('${data.aws_iam_policy_document.deploy.json}', stack)).toEqual([
      { actions: ['s3:GetObject'] },
    ]);
    expect(policyStatements('${data.aws_iam_policy_document.empty.json}', stack)).toEqual([]);
    expect(policyStatements('x${data.aws_iam_policy_document.deploy.json}', stack)).toBeUndefined();
    expect(policyStatements('${data.aws_iam_policy_document.deploy.json}x', stack)).toBeUndefined();
    expect(policyStatements('${data.aws_iam_policy_document.missing.json}', stack)).toBeUndefined();
    expect(policyStatements('${data.aws_iam_policy_document.deploy.json}', {})).toBeUndefined();
    expect(policyStatements('${data.aws_iam_policy_document.deploy.json}', { data: {} })).toBeUndefined();
  });

  test('referencing finds the blocks whose attribute refers to the address, not to a longer name', () => {
    expect(referencing(stack, 'aws_iam_role_policy_attachment', 'role', 'aws_iam_role.deploy')).toEqual([
      { role: '${aws_iam_role.deploy.name}' },
    ]);
    expect(referencing({}, 'aws_iam_role_policy_attachment', 'role', 'aws_iam_role.deploy')).toEqual([]);
  });
});

describe('Kubernetes readers', () => {
  const stack: TerraformJson = {
    resource: { kubernetes_namespace_v1: { shared: { metadata: { name: 'shared' } } } },
  };

  test.each([
    ['${kubernetes_namespace_v1.shared.metadata[0].name}', 'shared'],
    ['payload-cms', 'payload-cms'],
    [
      'x${kubernetes_namespace_v1.shared.metadata[0].name}',
      'x${kubernetes_namespace_v1.shared.metadata[0].name}',
    ],
    [
      '${kubernetes_namespace_v1.shared.metadata[0].name}x',
      '${kubernetes_namespace_v1.shared.metadata[0].name}x',
    ],
  ])('the namespace %p resolves to %p', (namespace, expected) =>
    expect(namespaceOf(stack, { metadata: { namespace } })).toBe(expected),
  );

  test('an object without a namespace, or in a stack without namespaces, has none resolved', () => {
    expect(namespaceOf(stack, { metadata: {} })).toBeUndefined();
    expect(
      namespaceOf({}, { metadata: { namespace: '${kubernetes_namespace_v1.shared.metadata[0].name}' } }),
    ).toBe(undefined);
  });

  test('containers of a Deployment; none when its template has none', () => {
    expect(containers({ spec: { template: { spec: { container: [{ name: 'pgbouncer' }] } } } })).toEqual([
      { name: 'pgbouncer' },
    ]);
    expect(containers({ spec: { template: { spec: {} } } })).toEqual([]);
  });

  test('the pooler is the Deployment labelled connection-pooler', () => {
    expect(isPooler({ metadata: { labels: { 'app.kubernetes.io/component': 'connection-pooler' } } })).toBe(
      true,
    );
    expect(isPooler({ metadata: { labels: { 'app.kubernetes.io/component': 'metrics' } } })).toBe(false);
    expect(isPooler({ metadata: {} })).toBe(false);
  });
});

describe('PostgreSQL readers', () => {
  const revoke = (fields: Record<string, unknown>) => ({
    role: 'public',
    object_type: 'schema',
    schema: 'django',
    privileges: [],
    ...fields,
  });
  const envWith = (...grants: Record<string, unknown>[]) => ({
    config: prod,
    stack: { resource: { postgresql_grant: Object.fromEntries(grants.map((g, i) => [`g${i}`, g])) } },
  });

  test('the revoke from PUBLIC of the object type, on the schema asked for, or on any when none is', () => {
    expect(revokeFromPublic(envWith(revoke({})), 'schema', 'django')?.[0]).toBe('postgresql_grant.g0');
    expect(revokeFromPublic(envWith(revoke({})), 'schema')?.[0]).toBe('postgresql_grant.g0');
    expect(revokeFromPublic(envWith(revoke({})), 'schema', 'payload')).toBeUndefined();
    expect(revokeFromPublic(envWith(revoke({})), 'database')).toBeUndefined();
  });

  test.each([
    ['a grant to another role', { role: 'django_user' }],
    ['a grant that keeps privileges', { privileges: ['USAGE'] }],
    ['a grant without a privilege list', { privileges: undefined }],
  ])('%s is no revoke', (_what, fields) => {
    expect(revokeFromPublic(envWith(revoke(fields)), 'schema', 'django')).toBeUndefined();
  });
});

describe('pgbouncer.ini and Redis readers', () => {
  test('pgbouncer.ini: every key = value line of any section, comments and headers left out', () => {
    const text =
      '[databases]\nlightwave = host=db port=5432\n[pgbouncer]\n ; pool_mode = session\n# x = y\npool_mode =  transaction \nauth_query = SELECT 1;\n';
    expect([...(iniSettings({ data: { 'pgbouncer.ini': text } }) ?? [])]).toEqual([
      ['lightwave', 'host=db port=5432'],
      ['pool_mode', 'transaction'],
      ['auth_query', 'SELECT 1;'],
    ]);
    expect(iniSettings({ data: {} })).toBeUndefined();
    expect(iniSettings({})).toBeUndefined();
  });

  test('pgbouncer.ini: the lines of one section', () => {
    const text =
      ' [databases] \nmain = host=db\n;off = host=x\n[pgbouncer]\npool_mode = transaction\n[users]\napp = max_user_connections=4\n';
    const configMap = { data: { 'pgbouncer.ini': text } };
    expect([...(iniSection(configMap, 'databases') ?? [])]).toEqual([['main', 'host=db']]);
    expect([...(iniSection(configMap, 'users') ?? [])]).toEqual([['app', 'max_user_connections=4']]);
    expect(iniSection(configMap, 'peers')?.size).toBe(0);
    expect(iniSection({ data: { 'pgbouncer.ini': 'main = host=db\n' } }, 'databases')?.size).toBe(0);
    expect(iniSection({}, 'databases')).toBeUndefined();
  });

  test('redis.conf: every directive line with a value, comments and blank lines left out', () => {
    const text =
      '# maxmemory 1mb\nmaxmemory 256mb\n\n save ""\nappendonly  no \nbind 127.0.0.1 ::1\ndaemonize\n';
    expect([...(redisDirectives({ data: { 'redis.conf': text } }) ?? [])]).toEqual([
      ['maxmemory', '256mb'],
      ['appendonly', 'no'],
      ['bind', '127.0.0.1 ::1'],
    ]);
    expect(redisDirectives({})).toBeUndefined();
  });

  test('users.acl: rules by user, other lines left out', () => {
    const text = 'user default off\n# user ghost on\nuser app  on >secret ~app:*  +@all\n';
    expect([...(aclUsers({ data: { 'users.acl': text } }) ?? [])]).toEqual([
      ['default', ['off']],
      ['app', ['on', '>secret', '~app:*', '+@all']],
    ]);
    expect(aclUsers({})).toBeUndefined();
  });

  test.each([
    [['on'], true],
    [['off', 'on'], true],
    [['on', 'off'], false],
    [['~*', '+@all'], false],
    [['ON'], true],
    [['on', 'reset'], false],
    [['on', 'RESET', 'On'], true],
    [[], false],
  ])('ACL rules %p enable the user: %p', (rules, expected) => expect(isEnabled(rules)).toBe(expected));
});

test('the setting of a bucket is the block naming that bucket', () => {
  const stack: TerraformJson = {
    resource: {
      aws_s3_bucket_versioning: {
        backups: { bucket: '${aws_s3_bucket.backups.id}' },
        media: { bucket: '${aws_s3_bucket.media.id}' },
      },
    },
  };
  expect(bucketSetting(stack, 'aws_s3_bucket_versioning', 'aws_s3_bucket.media')).toEqual({
    bucket: '${aws_s3_bucket.media.id}',
  });
  expect(bucketSetting(stack, 'aws_s3_bucket_versioning', 'aws_s3_bucket.logs')).toBeUndefined();
  expect(bucketSetting({}, 'aws_s3_bucket_versioning', 'aws_s3_bucket.media')).toBeUndefined();
});

describe('rule shapes', () => {
  const meta = { title: 't', severity: 'low', mirrors: [], relation: {}, rationale: 'r' } as const;
  const stack: TerraformJson = { resource: { aws_db_instance: { db: { port: 5432 } } } };
  const perResource = resourceRule('LW-TEST-001', () => ({
    ...meta,
    tiers: ['production'],
    types: ['aws_db_instance'],
    test: (block) => block.port !== 5432 || 'default port',
  }));
  const whole = stackRule('LW-TEST-002', () => ({
    ...meta,
    when: ['aws_db_instance'],
    test: () => ({ verdict: false, address: 'aws_db_instance.db' }),
  }));

  test('a resource rule judges each resource of its types in its tiers', () => {
    expect(perResource.tiers).toEqual(['production']);
    expect(perResource.check({ config: prod, stack })).toEqual([
      { status: 'fail', address: 'aws_db_instance.db', detail: 'default port' },
    ]);
  });

  test('a resource rule is not applicable outside its tiers or without resources of its types', () => {
    expect(perResource.check({ config: dev, stack })).toEqual([{ status: 'not-applicable' }]);
    expect(perResource.check({ config: prod, stack: {} })).toEqual([{ status: 'not-applicable' }]);
  });

  test('a stack rule gives one verdict when its resources exist, and is not applicable otherwise', () => {
    expect(whole.check({ config: prod, stack })).toEqual([{ status: 'fail', address: 'aws_db_instance.db' }]);
    expect(whole.check({ config: prod, stack: {} })).toEqual([{ status: 'not-applicable' }]);
  });
});
