/**
 * LW-IAM-007: Roles assumed from GitHub Actions carry a permissions boundary of this stack that keeps them inside
 * it and every role they create inside the workload boundary, and in production keeps the backups, their keys and
 * the roles it manages.
 */
import {
  boundaryPolicy,
  coversAction,
  expectedWorkloadBoundaryArn,
  isAllow,
  policyStatements,
  trustsGitHubOidc,
  type PolicyStatement,
} from '../../aws';
import { resourceRule } from '../../rule';

/** Denied on every resource: no role loses its boundary, and no trust policy is rewritten. */
const REMOVE_BOUNDARY_OR_RETRUST = ['iam:DeleteRolePermissionsBoundary', 'iam:UpdateAssumeRolePolicy'];
/** Denied unless `iam:PermissionsBoundary` is pinned: whatever role is created or changed gets a boundary. */
const BOUNDED = [
  'iam:CreateRole',
  'iam:PutRolePermissionsBoundary',
  'iam:PutRolePolicy',
  'iam:AttachRolePolicy',
];
/** Denied on the boundary itself and on the workload boundary: nobody under it rewrites either. */
const REWRITE_POLICY = ['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:SetDefaultPolicyVersion'];
/**
 * Denied on every resource in production: what would make every recovery point unreadable or deletable (a lock
 * re-put during its grace period never becomes immutable).
 */
const DESTROY_BACKUPS = [
  'backup:DeleteBackupVaultLockConfiguration',
  'backup:PutBackupVaultLockConfiguration',
  'backup:DeleteRecoveryPoint',
  'kms:DisableKey',
  'kms:PutKeyPolicy',
  'kms:ScheduleKeyDeletion',
];
/** Denied on every resource in production: a role deleted can be recreated trusting another account. */
const REPLACE_ROLES = ['iam:DeleteRole'];

const denies = (s: PolicyStatement) => !isAllow(s);
const onEverything = (s: PolicyStatement) => (s.resources ?? []).includes('*');
/**
 * A Deny that applies whenever the request's boundary is not the workload boundary (StringNotEquals / ArnNotEquals
 * naming it and nothing else).
 */
const unlessBoundaryPinned = (workloadBoundary: string) => (s: PolicyStatement) =>
  (s.condition ?? []).length === 1 &&
  /^(StringNotEquals|ArnNotEquals)$/.test(s.condition?.[0].test ?? '') &&
  s.condition?.[0].variable === 'iam:PermissionsBoundary' &&
  s.condition[0].values.length > 0 &&
  s.condition[0].values.every((v) => v === workloadBoundary);
const unconditional = (s: PolicyStatement) => (s.condition ?? []).length === 0;

/** The actions of `actions` that no Deny statement matching `where` covers. */
const notDenied = (
  statements: readonly PolicyStatement[],
  actions: readonly string[],
  where: (s: PolicyStatement) => boolean,
) => actions.filter((a) => !statements.some((s) => denies(s) && where(s) && coversAction(s, a)));

export default resourceRule('LW-IAM-007', () => ({
  title:
    'Roles assumed from GitHub Actions carry a boundary that forbids leaving it or the workload boundary, and in production deleting roles or destroying backups or keys',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    "Code from a branch runs with these roles: the boundary caps them even if an inline policy is widened by mistake. It must deny removing any role's boundary or rewriting any trust policy, creating or changing a role without the workload boundary pinned, and rewriting itself or the workload boundary; in production also deleting a role (it could be recreated trusting another account), lifting or re-putting a vault lock, deleting recovery points and deleting, disabling or re-policing a KMS key (every copy of the data is read with one). No scanner equivalent: Checkov, Trivy and cdk-nag do not read permissions boundaries.",
  types: ['aws_iam_role'],
  test: (role, env) => {
    const statements = policyStatements(role.assume_role_policy, env.stack);
    if (!statements?.some(trustsGitHubOidc)) return null;
    if (typeof role.permissions_boundary !== 'string' || role.permissions_boundary === '')
      return 'no permissions_boundary';
    const policy = boundaryPolicy(env.stack, role.permissions_boundary);
    const boundary = policy && policyStatements(policy.policy, env.stack);
    if (!boundary) return 'boundary not a policy document of this stack';
    const workload = expectedWorkloadBoundaryArn(env.config.aws.accountId);
    const pinned = unlessBoundaryPinned(workload);
    const everywhere = (s: PolicyStatement) => onEverything(s) && unconditional(s);
    const missing = [
      ...notDenied(boundary, REMOVE_BOUNDARY_OR_RETRUST, everywhere),
      ...notDenied(boundary, BOUNDED, (s) => onEverything(s) && pinned(s)),
      ...[role.permissions_boundary, workload].flatMap((arn) =>
        notDenied(boundary, REWRITE_POLICY, (s) => unconditional(s) && (s.resources ?? []).includes(arn)).map(
          (a) => `${a} on ${arn}`,
        ),
      ),
      ...(env.config.tier === 'production'
        ? notDenied(boundary, [...DESTROY_BACKUPS, ...REPLACE_ROLES], everywhere)
        : []),
    ];
    return missing.length === 0 || `boundary does not deny ${missing.join(', ')}`;
  },
}));
