/**
 * Rules for the delivery part: the repository and GitHub Environment the roles trust, the state key and bucket the
 * bootstrap stack creates, and the permissions of the plan and deploy roles.
 */
import { deliveryBoundaryServices } from '../delivery-defaults';
import type { EnvironmentRule } from '../validation';
import { isAction, isReadAction, readsData, serviceOf } from './iam-actions';
import { duplicates, isAccountId, isAwsId, isIntegerIn, matches } from './formats';

/** Services whose actions the bootstrap stack grants itself, scoped: never from the service-action lists. */
const scopedServices = (): string[] => ['iam', 'sts', 's3', 'organizations', 'account'];

export const deliveryRules: readonly EnvironmentRule[] = [
  ({ state }, c) => {
    c.check(
      'state.kmsKeyAlias',
      state.kmsKeyAlias,
      matches(state.kmsKeyAlias, /^alias\/(?!aws\/)[A-Za-z0-9/_-]{1,250}$/),
      'a KMS alias such as alias/lightwave-tfstate (not in the reserved alias/aws/ namespace)',
    );
    c.check(
      'state.noncurrentVersionExpirationDays',
      state.noncurrentVersionExpirationDays,
      isIntegerIn(state.noncurrentVersionExpirationDays, 30, 3650),
      'an integer number of days from 30 to 3650 (a month at least to recover from a bad apply)',
    );
  },
  ({ delivery }, c) => {
    c.check(
      'delivery.repository',
      delivery.repository,
      // GitHub's rules: an owner of up to 39 alphanumerics or single inner hyphens, a name of letters, digits, `._-`.
      matches(
        delivery.repository,
        /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/,
      ),
      'a GitHub repository as owner/name (owner: letters, digits, single inner hyphens; name: letters, digits, . _ -)',
    );
    c.check(
      'delivery.deployBranch',
      delivery.deployBranch,
      // It becomes part of an OIDC subject: no wildcards, no `..`, no leading or trailing slash.
      matches(delivery.deployBranch, /^(?!\/)(?!.*\/\/)(?!.*\.\.)(?!.*\/$)[A-Za-z0-9._/-]{1,200}$/),
      'a branch name such as main (no wildcards, no "..", no leading or trailing "/")',
    );
    c.check(
      'delivery.githubEnvironment',
      delivery.githubEnvironment,
      // As it appears in the OIDC subject `environment:<name>`: no colon, no wildcard.
      matches(delivery.githubEnvironment, /^[A-Za-z0-9._-]{1,255}$/),
      'a GitHub Environment name of letters, digits, . _ - (no colon or wildcard: it is matched exactly)',
    );
    c.check(
      'delivery.databaseTunnelInstanceId',
      delivery.databaseTunnelInstanceId,
      isAwsId(delivery.databaseTunnelInstanceId, 'i'),
      'an EC2 instance id such as i-0123456789abcdef0',
    );
    c.check(
      'delivery.bootstrapBackend',
      delivery.bootstrapBackend,
      ['local', 's3'].includes(delivery.bootstrapBackend),
      'local | s3',
    );
  },
  ({ aws, delivery }, c) => {
    // With a malformed account id (reported by its own rule) only the ARN's shape is judged.
    const account = isAccountId(aws.accountId) ? aws.accountId : '\\d{12}';
    const principal = new RegExp(`^arn:aws:iam::${account}:(role|user)/[\\w+=,.@/-]{1,512}$`);
    c.check(
      'delivery.administratorArns',
      delivery.administratorArns,
      delivery.administratorArns.length > 0 && duplicates(delivery.administratorArns).length === 0,
      'at least one distinct administrator ARN (someone must be able to manage the state key)',
    );
    delivery.administratorArns.forEach((arn, i) =>
      c.check(
        `delivery.administratorArns[${i}]`,
        arn,
        matches(arn, principal) && !arn.includes('*'),
        `an IAM role or user ARN in account ${aws.accountId}, without wildcards`,
      ),
    );
  },
  // A pull request's code runs with the plan role: in production only behind an Environment's reviewers.
  ({ tier, delivery }, c) => {
    const gate = delivery.planRole.githubEnvironment;
    if (tier === 'production')
      c.check(
        'delivery.planRole.githubEnvironment',
        gate,
        gate !== undefined,
        'a GitHub Environment with required reviewers in production: pull requests reach the plan role only through it',
      );
    if (gate === undefined) return;
    c.check(
      'delivery.planRole.githubEnvironment',
      gate,
      // Which Environment it must not be (any environment's deploy Environment) is a registry rule.
      matches(gate, /^[A-Za-z0-9._-]{1,255}$/),
      'a GitHub Environment name of letters, digits, . _ - (no colon or wildcard: it is matched exactly)',
    );
  },
  ({ delivery: { planRole, deployRole } }, c) => {
    for (const [field, name] of [
      ['delivery.planRole.name', planRole.name],
      ['delivery.deployRole.name', deployRole.name],
    ]) {
      c.check(
        field,
        name,
        matches(name, /^[\w+=,.@-]{1,64}$/),
        'an IAM role name: 1–64 letters, digits and +=,.@_-',
      );
    }
    c.check(
      'delivery.deployRole.name',
      deployRole.name,
      deployRole.name !== planRole.name,
      `a name other than the plan role's (${planRole.name})`,
    );
  },
  ({ delivery: { planRole } }, c) => {
    const scoped = scopedServices();
    c.check(
      'delivery.planRole.readActions',
      planRole.readActions,
      planRole.readActions.length > 0,
      'at least one read action',
    );
    planRole.readActions.forEach((action, i) => {
      const field = `delivery.planRole.readActions[${i}]`;
      if (
        !c.check(
          field,
          action,
          isReadAction(action),
          'a read action service:Describe…, Get… or List… (the plan role never writes)',
        )
      )
        return;
      c.check(
        field,
        action,
        !readsData(action) && !scoped.slice(1).includes(serviceOf(action)),
        'a read of configuration, not of data (objects, secrets, parameters, plaintext); the bootstrap grants the state and the master secret itself',
      );
    });
  },
  // An action of a service outside the boundary is denied at deploy time, whatever the role's own policy says.
  ({ delivery: { planRole, deployRole } }, c) => {
    const allowed = `an action of a service the delivery boundary allows (${deliveryBoundaryServices.join(', ')})`;
    for (const [field, actions] of [
      ['delivery.planRole.readActions', planRole.readActions],
      ['delivery.deployRole.serviceActions', deployRole.serviceActions],
    ] as const)
      actions.forEach((action, i) =>
        c.check(
          `${field}[${i}]`,
          action,
          action.startsWith('*') || deliveryBoundaryServices.includes(serviceOf(action)),
          allowed,
        ),
      );
  },
  ({ delivery: { deployRole } }, c) => {
    const scoped = scopedServices();
    const allowed = `a service action without a service-wide wildcard, outside ${scoped.join(', ')} (the bootstrap stack scopes those itself)`;
    c.check(
      'delivery.deployRole.serviceActions',
      deployRole.serviceActions,
      deployRole.serviceActions.length > 0,
      'at least one action',
    );
    deployRole.serviceActions.forEach((action, i) =>
      c.check(
        `delivery.deployRole.serviceActions[${i}]`,
        action,
        isAction(action) &&
          !action.startsWith('*') &&
          !action.endsWith(':*') &&
          !scoped.includes(serviceOf(action)),
        allowed,
      ),
    );
  },
];
