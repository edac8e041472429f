/**
 * The AWS part of a synthesized environment: the AWS provider, `aws_*` resources, the `aws_*` data sources they use,
 * their `moved` blocks and the outputs made only of them. It is what an offline plan with the real AWS provider can check.
 *
 * Layering rule enforced here: AWS resources never reference non-AWS resources (the database must be plannable and
 * deployable without Kubernetes, PostgreSQL or Cloudflare being reachable).
 */
import { blocksByAddress, referencesIn, typeOf } from '../../synth/references';
import type { Block, BlocksByName, TerraformJson } from '../../synth/terraform-json';

const isAws = (type: string): boolean => type.startsWith('aws_');

/** The addresses (`type.name`, `data.type.name`) a block references in `${…}` expressions and `depends_on`. */
export function referencesOf(block: unknown, known: (address: string) => boolean): string[] {
  return [...new Set(referencesIn(block, known).map((r) => r.target))];
}

/** Violations of the layering rule, as `aws address -> non-aws address`. */
export function layeringViolations(stack: TerraformJson): string[] {
  const blocks = blocksByAddress(stack);
  const violations: string[] = [];
  for (const [address, block] of blocks) {
    if (!isAws(typeOf(address))) continue;
    for (const ref of referencesOf(block, (a) => blocks.has(a))) {
      if (!isAws(typeOf(ref))) violations.push(`${address} -> ${ref}`);
    }
  }
  return violations.sort();
}

/** The AWS part of a stack; throws when the layering rule is broken. */
export function awsPart(stack: TerraformJson): TerraformJson {
  const violations = layeringViolations(stack);
  if (violations.length > 0) {
    throw new Error(`AWS resources reference non-AWS resources:\n  ${violations.join('\n  ')}`);
  }
  const blocks = blocksByAddress(stack);
  const resource: Record<string, BlocksByName> = {};
  for (const [type, byName] of Object.entries(stack.resource ?? {})) if (isAws(type)) resource[type] = byName;

  // AWS data sources only feeding other providers (e.g. the EKS cluster for the kubernetes provider) stay out.
  const needed = new Set<string>();
  const pending = Object.entries(resource).flatMap(([type, byName]) =>
    Object.keys(byName).map((n) => `${type}.${n}`),
  );
  while (pending.length > 0) {
    for (const ref of referencesOf(blocks.get(pending.pop() as string), (a) => blocks.has(a))) {
      if (ref.startsWith('data.') && !needed.has(ref)) {
        needed.add(ref);
        pending.push(ref);
      }
    }
  }
  const data: Record<string, BlocksByName> = {};
  for (const address of [...needed].sort()) {
    const [, type, name] = address.split('.');
    data[type] = { ...data[type], [name]: blocks.get(address) as Block };
  }

  const output: BlocksByName = {};
  for (const [name, block] of Object.entries(stack.output ?? {})) {
    const refs = referencesOf(block, (a) => blocks.has(a));
    if (refs.every((r) => (isAws(typeOf(r)) && !r.startsWith('data.')) || needed.has(r)))
      output[name] = block;
  }

  // Renames of AWS resources (`moveTo` / `moveFromId`) travel with them.
  const moved = ((stack.moved ?? []) as { to: string }[]).filter((m) => isAws(typeOf(m.to)));

  const awsProvider = stack.terraform?.required_providers?.aws;
  return {
    terraform: { required_providers: awsProvider ? { aws: awsProvider } : {} },
    provider: { aws: stack.provider?.aws ?? [] },
    resource,
    ...(Object.keys(data).length > 0 ? { data } : {}),
    ...(Object.keys(output).length > 0 ? { output } : {}),
    ...(moved.length > 0 ? { moved } : {}),
  };
}
