/**
 * IAM action names as the delivery rules judge them. An action is `service:Verb`, where the verb may end in `*`;
 * a read action's verb starts with Describe, Get, List or BatchGet (AWS's naming for the Read and List access
 * levels), so a pattern such as `rds:Describe*` can only ever match reads.
 */

export const actionPattern = /^[a-z0-9-]+:[A-Za-z0-9]*\*?$/;

const readVerb = /^(Describe|Get|List|BatchGet)[A-Za-z0-9]*\*?$/;

/** Reads that return data rather than configuration: granted only scoped to their resources, never on `*`. */
const dataReads = [
  'kms:Decrypt',
  'logs:GetLogEvents',
  's3:GetObject',
  's3:GetObjectVersion',
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
];

export const serviceOf = (action: string): string => action.split(':')[0];

/** Whether an action pattern (`*` as a wildcard, case-insensitive like IAM) matches a concrete action. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${regex}$`, 'i').test(action);
}

export function isReadAction(action: string): boolean {
  return actionPattern.test(action) && readVerb.test(action.split(':')[1]);
}

/** A read that returns data (an object, a secret, a parameter, a plaintext). */
export function readsData(action: string): boolean {
  return dataReads.some((read) => actionMatches(action, read));
}
