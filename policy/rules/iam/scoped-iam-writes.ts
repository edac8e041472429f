/**
 * LW-IAM-006: IAM write actions are granted on named roles, never on every resource; creating or changing a role's
 * policies or boundary only under an `iam:PermissionsBoundary` condition pinned to the workload boundary; no trust
 * policy rewritten; in production no role deletion without a condition.
 */
import {
  coversAction,
  expectedWorkloadBoundaryArn,
  isAllow,
  policyStatements,
  type PolicyStatement,
} from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-IAM-006', () => {
  /** IAM's Read and List access levels; everything else in IAM changes who may do what. */
  const iamRead = /^iam:(Get|List)[A-Za-z0-9]*\*?$/;
  /**
   * Writes that give a role its permissions or lift its ceiling; IAM sets `iam:PermissionsBoundary` on each (AWS IAM
   * User Guide, "IAM and AWS STS condition context keys"). Listed here, not imported: the rule judges the code.
   */
  const BOUNDED = [
    'iam:AttachRolePolicy',
    'iam:CreateRole',
    'iam:PutRolePermissionsBoundary',
    'iam:PutRolePolicy',
  ];
  /** A StringEquals/ArnEquals pin of `iam:PermissionsBoundary` to the workload boundary and nothing else. */
  const pinsBoundary = (s: PolicyStatement, workloadBoundary: string) =>
    (s.condition ?? []).some(
      (c) =>
        /^(StringEquals|ArnEquals)$/.test(c.test) &&
        c.variable === 'iam:PermissionsBoundary' &&
        c.values.length > 0 &&
        c.values.every((v) => v === workloadBoundary),
    );
  /** Granted on any resource, the role trusts whoever the caller names (IAM sets no boundary key on it). */
  const RETRUST = 'iam:UpdateAssumeRolePolicy';
  /** In production a managed role is replaced by administrators only: deleting it lets it be recreated trusting anyone. */
  const DELETE_ROLE = 'iam:DeleteRole';
  // How the rule compares with Checkov's cloudsplaining checks, each as a policy-document (data) and a resource check.
  const ESCALATION =
    'stricter: any IAM write on every resource fails, under a condition too; the check fails only the escalation paths it lists (iam:PassRole only beside a compute action), and also paths without iam: actions (lambda:UpdateFunctionCode), which the rule leaves out' as const;
  const PERMISSIONS_MANAGEMENT =
    'narrower: IAM actions of role policies only; the check also fails permissions-management actions of other services on * (s3:PutBucketPolicy, kms:CreateGrant), and passes IAM Write actions (iam:CreateRole, iam:PassRole) and conditioned statements, which the rule fails' as const;
  const STAR_RESOURCE =
    'narrower: IAM write actions of role policies only; the check fails every restrictable action on *, reads included, and passes conditioned statements and account-wide iam ARNs (arn:aws:iam::<account>:*), which the rule fails' as const;
  return {
    title:
      'IAM write actions are granted on named roles, never on every resource; role policies and boundaries only under the workload boundary; no trust policy rewritten; in production no unconditioned role deletion',
    severity: 'critical',
    mirrors: ['CKV_AWS_110', 'CKV_AWS_286', 'CKV_AWS_109', 'CKV_AWS_289', 'CKV_AWS_356', 'CKV_AWS_355'],
    relation: {
      CKV_AWS_110: ESCALATION,
      CKV_AWS_286: ESCALATION,
      CKV_AWS_109: PERMISSIONS_MANAGEMENT,
      CKV_AWS_289: PERMISSIONS_MANAGEMENT,
      CKV_AWS_356: STAR_RESOURCE,
      CKV_AWS_355: STAR_RESOURCE,
    },
    rationale:
      'A deploy role that may create, attach or pass any role can make itself an administrator; it may only manage the roles the environment stack owns (RDS monitoring, AWS Backup, the media copy job), by name, and only with the workload boundary attached (not any policy: AdministratorAccess is a policy too). It may never rewrite a trust policy, and in production never delete such a role: otherwise it could recreate it trusting another account.',
    types: ['aws_iam_role_policy'],
    test: (block, env) => {
      const statements = policyStatements(block.policy, env.stack);
      if (!statements) return 'policy not from a policy document';
      const wide = statements
        .filter(
          (s) =>
            isAllow(s) && (s.resources ?? []).some((r) => r === '*' || /^arn:aws:iam::[^:]*:\*$/.test(r)),
        )
        .flatMap((s) => (s.actions ?? []).filter((a) => a.startsWith('iam:') && !iamRead.test(a)));
      if (wide.length > 0) return `on every resource: ${wide.join(', ')}`;
      const allows = statements.filter(isAllow);
      const workloadBoundary = expectedWorkloadBoundaryArn(env.config.aws.accountId);
      const unbounded = allows
        .filter((s) => !pinsBoundary(s, workloadBoundary))
        .flatMap((s) => BOUNDED.filter((a) => coversAction(s, a)));
      if (unbounded.length > 0)
        return `without iam:PermissionsBoundary pinned to ${workloadBoundary}: ${unbounded.join(', ')}`;
      if (allows.some((s) => coversAction(s, RETRUST))) return `grants ${RETRUST}`;
      const deletes =
        env.config.tier === 'production' &&
        allows.some((s) => (s.condition ?? []).length === 0 && coversAction(s, DELETE_ROLE));
      return !deletes || `grants ${DELETE_ROLE} without a condition in production`;
    },
  };
});
