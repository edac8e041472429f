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

/** True for a CIDR of every address: any prefix length 0 (0.0.0.0/0, ::/0, 0000:…:0000/0, …) or `*`. */
export function coversEveryAddress(cidr: string): boolean {
  return cidr.trim() === '*' || /\/0+$/.test(cidr.trim());
}

/**
 * CIDRs of every address that a security group's inline rules, or a rule resource, open in one direction; null
 * for an `aws_security_group_rule` of the other direction. Callers list only the rule resources of their direction.
 */
export function worldCidrs(block: Block, direction: 'ingress' | 'egress'): string[] | null {
  if (typeof block.type === 'string' && block.type !== direction) return null;
  const inline =
    (block[direction] as { cidr_blocks?: string[]; ipv6_cidr_blocks?: string[] }[] | undefined) ?? [];
  return [
    block.cidr_ipv4,
    block.cidr_ipv6,
    ...((block.cidr_blocks as string[] | undefined) ?? []),
    ...((block.ipv6_cidr_blocks as string[] | undefined) ?? []),
    ...inline.flatMap((r) => [...(r.cidr_blocks ?? []), ...(r.ipv6_cidr_blocks ?? [])]),
  ].filter((c): c is string => typeof c === 'string' && coversEveryAddress(c));
}

/** A description a reviewer can read: two characters or more, and not the provider default. */
export function isDescription(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length >= 2 && value !== 'Managed by Terraform';
}

export interface PolicyCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

/** A statement of an `aws_iam_policy_document` data source, as synthesized. */
export interface PolicyStatement {
  readonly sid?: string;
  /** @default 'Allow' */
  readonly effect?: string;
  readonly actions?: readonly string[];
  readonly resources?: readonly string[];
  readonly principals?: readonly { readonly type: string; readonly identifiers: readonly string[] }[];
  readonly condition?: readonly PolicyCondition[];
}

export const isAllow = (s: PolicyStatement): boolean => (s.effect ?? 'Allow') === 'Allow';

/** The GitHub Actions OIDC issuer as it appears in provider ARNs and condition keys. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** Whether a trust statement federates the GitHub Actions OIDC provider. */
export const trustsGitHubOidc = (s: PolicyStatement): boolean =>
  (s.principals ?? []).some(
    (p) =>
      p.type === 'Federated' && p.identifiers.some((id) => id.endsWith(`:oidc-provider/${GITHUB_OIDC_HOST}`)),
  );

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

/**
 * Whether an IAM pattern (`*` any run of characters, `?` one character) matches a value, as IAM compares actions
 * (case-insensitively) and resources (case-sensitively): AWS IAM User Guide, "IAM JSON policy elements: Action".
 */
export function matchesIamPattern(pattern: string, value: string, ignoreCase = false): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, ignoreCase ? 'i' : '').test(value);
}

/**
 * The permissions boundary every role the deploy role creates or changes must carry, as the IAM rules expect it in
 * `accountId`: named here, not imported from stacks/, because the rules judge that code.
 */
export const expectedWorkloadBoundaryArn = (accountId: string): string =>
  `arn:aws:iam::${accountId}:policy/lightwave-workload-boundary`;

/** Whether a statement names the action (directly or by a wildcard). */
export const coversAction = (s: PolicyStatement, action: string): boolean =>
  (s.actions ?? []).some((a) => matchesIamPattern(a, action, true));

/** The managed policy a role's `permissions_boundary` names (by its literal ARN or a reference), if in the stack. */
export function boundaryPolicy(stack: TerraformJson, boundary: unknown): Block | undefined {
  const reference = /^\$\{(aws_iam_policy\.[\w-]+)\.arn\}$/.exec(String(boundary ?? ''))?.[1];
  return Object.entries(stack.resource?.aws_iam_policy ?? {}).find(
    ([name, policy]) =>
      `aws_iam_policy.${name}` === reference || String(boundary).endsWith(`:policy/${String(policy.name)}`),
  )?.[1];
}

/**
 * Whether a managed policy serves as a permissions boundary: a role of the stack carries it, or a policy of the stack
 * requires it of the roles it lets be created (an `iam:PermissionsBoundary` condition naming it).
 */
export function isPermissionsBoundary(stack: TerraformJson, address: string, policy: Block): boolean {
  const named = (arn: unknown) =>
    arn === `\${${address}.arn}` || String(arn).endsWith(`:policy/${String(policy.name)}`);
  const documents = Object.values(stack.data?.aws_iam_policy_document ?? {});
  return (
    address.startsWith('aws_iam_policy.') &&
    (Object.values(stack.resource?.aws_iam_role ?? {}).some((role) => named(role.permissions_boundary)) ||
      documents.some((d) =>
        ((d.statement as PolicyStatement[] | undefined) ?? []).some((s) =>
          (s.condition ?? []).some((c) => c.variable === 'iam:PermissionsBoundary' && c.values.some(named)),
        ),
      ))
  );
}
