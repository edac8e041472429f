/**
 * The offline harness's extraction of the AWS part, and the layering rule it enforces, on small hand-written
 * stacks (the real environments are checked in test/integration/aws-plan.test.ts).
 */
import { awsPart, layeringViolations, referencesOf } from '../review/terraform/aws-part';
import { providersUsingResources } from './support/provider-inputs';
import type { TerraformJson } from '../synth/terraform-json';

const stack: TerraformJson = {
  terraform: {
    backend: { s3: { bucket: 'b', key: 'k' } },
    required_providers: { aws: { source: 'aws', version: '5.100.0' }, kubernetes: { version: '2.38.0' } },
  },
  provider: {
    aws: [{ region: 'us-east-1' }],
    kubernetes: [{ host: '${data.aws_eks_cluster.cluster.endpoint}' }],
  },
  data: {
    aws_eks_cluster: { cluster: { name: 'lightwave-dev' } },
    aws_iam_policy_document: { trust: { statement: [] } },
  },
  resource: {
    aws_iam_role: { role: { assume_role_policy: '${data.aws_iam_policy_document.trust.json}' } },
    aws_db_instance: { db: { identifier: 'x', depends_on: ['aws_iam_role.role'] } },
    kubernetes_namespace_v1: { ns: { metadata: { name: 'shared' } } },
    kubernetes_secret_v1: { s: { data: { host: '${aws_db_instance.db.address}' } } },
  },
  output: {
    endpoint: { value: '${aws_db_instance.db.address}' },
    namespace: { value: '${kubernetes_namespace_v1.ns.id}' },
  },
};

describe('AWS part of a stack', () => {
  const part = awsPart(stack);

  test('keeps the AWS provider, aws_* resources and the data sources they use', () => {
    expect(Object.keys(part.resource ?? {}).sort()).toEqual(['aws_db_instance', 'aws_iam_role']);
    expect(part.data).toEqual({ aws_iam_policy_document: { trust: { statement: [] } } });
    expect(part.provider).toEqual({ aws: [{ region: 'us-east-1' }] });
    expect(part.terraform).toEqual({ required_providers: { aws: { source: 'aws', version: '5.100.0' } } });
  });

  test('leaves out data sources that only feed other providers, the backend and non-AWS outputs', () => {
    expect(part.data).not.toHaveProperty('aws_eks_cluster');
    expect(part.terraform).not.toHaveProperty('backend');
    expect(Object.keys(part.output ?? {})).toEqual(['endpoint']);
  });

  test('non-AWS resources may reference AWS ones', () => {
    expect(layeringViolations(stack)).toEqual([]);
  });

  test('fails when an AWS resource references a non-AWS resource', () => {
    const broken = structuredClone(stack);
    (broken.resource as Record<string, Record<string, Record<string, unknown>>>).aws_db_instance.db.tags = {
      Namespace: '${kubernetes_namespace_v1.ns.id}',
    };
    expect(layeringViolations(broken)).toEqual(['aws_db_instance.db -> kubernetes_namespace_v1.ns']);
    expect(() => awsPart(broken)).toThrow(/aws_db_instance\.db -> kubernetes_namespace_v1\.ns/);
  });
});

describe('references', () => {
  const known = (a: string) => ['aws_kms_key.k', 'data.aws_region.r'].includes(a);

  test('are found inside expressions and depends_on, ignoring variables and locals', () => {
    const block = {
      a: '${aws_kms_key.k.arn}',
      b: 'prefix-${upper(data.aws_region.r.name)}-${var.x}-${local.y}',
      depends_on: ['aws_kms_key.k'],
    };
    expect(referencesOf(block, known).sort()).toEqual(['aws_kms_key.k', 'data.aws_region.r']);
  });

  test('plain strings that look like addresses are not references', () => {
    expect(referencesOf({ description: 'uses aws_kms_key.k for encryption' }, known)).toEqual([]);
  });
});

describe('provider inputs', () => {
  test('data sources and literals are plan-time values', () => {
    expect(providersUsingResources(stack)).toEqual([]);
  });

  test('fails when a provider is configured from a resource of the same stack', () => {
    const broken = structuredClone(stack);
    broken.provider = { postgresql: [{ host: '${aws_db_instance.db.address}' }] };
    expect(providersUsingResources(broken)).toEqual(['postgresql -> aws_db_instance.db']);
  });
});
