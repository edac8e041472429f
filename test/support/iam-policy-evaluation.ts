/**
 * An EMULATION of how AWS decides one request against the policies that apply to it, small enough to read, for the
 * synthesized policy documents (`aws_iam_policy_document` statements as synthesized). It follows the AWS IAM User
 * Guide, "Policy evaluation logic" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * an explicit Deny in any policy wins; otherwise a role session's request is allowed when its identity policy allows
 * it AND its permissions boundary does (or a resource policy allows the principal, within the boundary); KMS allows
 * only what the key policy allows, directly or by delegating to the account ("Key policies in AWS KMS"); a role is
 * assumed with a web identity when its trust policy allows the federated principal and the token's claims.
 *
 * Emulated, so narrower than IAM: the condition operators below only (others throw), single-valued context keys
 * unless a ForAnyValue operator asks, no NotAction/NotResource/NotPrincipal (they throw), no SCPs or session
 * policies. A statement still holding a Terraform reference (`${…}`) throws, as those do: its value is unknown
 * until apply, so a test must resolve it first (never a silent non-match).
 */
import { matchesIamPattern, type PolicyCondition, type PolicyStatement } from '../../policy/aws';

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

export interface IamRequest {
  readonly action: string;
  readonly resource: string;
  /** The calling principal as resource policies name it (a role ARN, a federated provider ARN, `arn:…:root`). */
  readonly principal?: { readonly type: 'AWS' | 'Federated' | 'Service'; readonly id: string };
  /** Request context keys (aws:PrincipalArn, iam:PermissionsBoundary, token claims…); a list for multi-valued keys. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

const BASE_OPERATORS: Record<string, (pattern: string, value: string) => boolean> = {
  StringEquals: (p, v) => p === v,
  StringLike: (p, v) => matchesIamPattern(p, v),
  ArnEquals: (p, v) => p === v,
  ArnLike: (p, v) => matchesIamPattern(p, v),
  Bool: (p, v) => p.toLowerCase() === v.toLowerCase(),
};

/** One condition block: any of its values matches (OR); Not… negates; …IfExists and Not… hold when the key is absent. */
function conditionHolds(c: PolicyCondition, context: IamRequest['context'] = {}): boolean {
  const forAny = c.test.startsWith('ForAnyValue:');
  const operator = c.test.replace(/^ForAnyValue:/, '');
  const ifExists = operator.endsWith('IfExists');
  const negated = /^(String|Arn)Not/.test(operator);
  const base = operator.replace(/IfExists$/, '').replace(/^(String|Arn)Not/, '$1');
  const match = BASE_OPERATORS[base];
  if (!match) throw new Error(`condition operator ${c.test} is not emulated`);
  const present = context[c.variable];
  if (present === undefined) return ifExists || negated;
  const values = typeof present === 'string' ? [present] : present;
  if (!forAny && values.length !== 1)
    throw new Error(`${c.variable} is multi-valued: use a ForAnyValue operator`);
  const matched = values.some((v) => c.values.some((p) => match(p, v)));
  return negated ? !matched : matched;
}

function principalMatches(s: PolicyStatement, principal: IamRequest['principal']): boolean {
  if (!s.principals) return true; // an identity policy or boundary: it applies to its own principal
  return s.principals.some(
    (p) => p.type === principal?.type && p.identifiers.some((id) => id === '*' || id === principal.id),
  );
}

/** The first unresolved Terraform reference of a statement's actions, resources, principals or condition values. */
const unresolved = (s: PolicyStatement): string | undefined =>
  [
    ...(s.actions ?? []),
    ...(s.resources ?? []),
    ...(s.principals ?? []).flatMap((p) => p.identifiers),
    ...(s.condition ?? []).flatMap((c) => [c.variable, ...c.values]),
  ].find((v) => v.includes('${'));

function applies(s: PolicyStatement, request: IamRequest): boolean {
  if (['not_actions', 'not_resources', 'not_principals'].some((k) => k in s))
    throw new Error(`statement ${s.sid ?? ''}: NotAction, NotResource and NotPrincipal are not emulated`);
  const reference = unresolved(s);
  if (reference) throw new Error(`statement ${s.sid ?? ''}: unresolved reference ${reference}`);
  return (
    (s.actions ?? []).some((a) => matchesIamPattern(a, request.action, true)) &&
    (s.resources ?? ['*']).some((r) => matchesIamPattern(r, request.resource)) &&
    principalMatches(s, request.principal) &&
    (s.condition ?? []).every((c) => conditionHolds(c, request.context))
  );
}

const denies = (policy: readonly PolicyStatement[], r: IamRequest) =>
  policy.some((s) => s.effect === 'Deny' && applies(s, r));
const allows = (policy: readonly PolicyStatement[], r: IamRequest) =>
  policy.some((s) => (s.effect ?? 'Allow') === 'Allow' && applies(s, r));

export interface RoleSessionPolicies {
  /** The role's identity policies, as one list of statements. */
  readonly identity: readonly PolicyStatement[];
  /** The role's permissions boundary. @default - none */
  readonly boundary?: readonly PolicyStatement[];
}

/** A request of a role session, with the resource's own policy when it has one (a bucket policy). */
export function evaluate(
  role: RoleSessionPolicies,
  request: IamRequest,
  resourcePolicy: readonly PolicyStatement[] = [],
): Decision {
  const policies = [role.identity, role.boundary ?? [], resourcePolicy];
  if (policies.some((p) => denies(p, request))) return 'explicit-deny';
  const withinBoundary = !role.boundary || allows(role.boundary, request);
  return withinBoundary && (allows(role.identity, request) || allows(resourcePolicy, request))
    ? 'allow'
    : 'implicit-deny';
}

/** A KMS request: the key policy decides; its grant to the account root delegates to the role's IAM policies. */
export function evaluateKms(
  role: RoleSessionPolicies,
  request: IamRequest & { readonly accountId: string },
  keyPolicy: readonly PolicyStatement[],
): Decision {
  const root = {
    ...request,
    principal: { type: 'AWS' as const, id: `arn:aws:iam::${request.accountId}:root` },
  };
  if ([keyPolicy, role.identity, role.boundary ?? []].some((p) => denies(p, request))) return 'explicit-deny';
  if (allows(keyPolicy, request)) return 'allow';
  return allows(keyPolicy, root) ? evaluate(role, request) : 'implicit-deny';
}

/** sts:AssumeRoleWithWebIdentity with a token of `provider` carrying `claims` (`<issuer>:sub`, `<issuer>:aud`). */
export function evaluateWebIdentity(
  trust: readonly PolicyStatement[],
  roleArn: string,
  provider: string,
  claims: Readonly<Record<string, string>>,
): Decision {
  const request: IamRequest = {
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: roleArn,
    principal: { type: 'Federated', id: provider },
    context: claims,
  };
  if (denies(trust, request)) return 'explicit-deny';
  return allows(trust, request) ? 'allow' : 'implicit-deny';
}
