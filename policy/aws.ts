/**
 * Reading AWS resources out of synthesized JSON, for the rules that need more than one attribute.
 */
import type { Block, TerraformJson } from '../synth/terraform-json';

/** A parameter group's parameters by name. */
export function parameters(group: Block): Map<string, { value: string; apply_method?: string }> {
  const list =
    (group.parameter as { name: string; value: string; apply_method?: string }[] | undefined) ?? [];
  return new Map(list.map((p) => [p.name, p]));
}

export const WORLD = ['0.0.0.0/0', '::/0'];

/** CIDRs of a separate security-group rule resource, or of a security group's inline `ingress`/`egress` blocks. */
export function cidrs(block: Block, inline: 'ingress' | 'egress'): string[] {
  const inlineRules =
    (block[inline] as { cidr_blocks?: string[]; ipv6_cidr_blocks?: string[] }[] | undefined) ?? [];
  return [
    block.cidr_ipv4,
    block.cidr_ipv6,
    ...((block.cidr_blocks as string[] | undefined) ?? []),
    ...inlineRules.flatMap((r) => [...(r.cidr_blocks ?? []), ...(r.ipv6_cidr_blocks ?? [])]),
  ].filter((c): c is string => typeof c === 'string');
}

export interface PolicyStatement {
  readonly principals?: readonly { readonly type: string; readonly identifiers: readonly string[] }[];
}

/** Statements of a policy given as `${data.aws_iam_policy_document.<id>.json}`, or undefined for anything else. */
export function policyStatements(
  reference: unknown,
  stack: TerraformJson,
): readonly PolicyStatement[] | undefined {
  const match = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(String(reference ?? ''));
  const document = match ? stack.data?.aws_iam_policy_document?.[match[1]] : undefined;
  return document ? ((document.statement as PolicyStatement[] | undefined) ?? []) : undefined;
}

/** Blocks of `type` whose `attribute` references `address` (`${address}.id`, `.name`, `.arn` …). */
export function referencing(stack: TerraformJson, type: string, attribute: string, address: string): Block[] {
  return Object.values(stack.resource?.[type] ?? {}).filter((block) =>
    String(block[attribute] ?? '').startsWith(`\${${address}.`),
  );
}

/** True when the block's lifecycle refuses plans that destroy it. */
export const preventsDestroy = (block: Block): boolean =>
  (block.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true;
