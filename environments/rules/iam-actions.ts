/**
 * IAM action names as the delivery rules judge them. An action is `service:Verb`, where the verb may end in `*`;
 * a read action's verb starts with Describe, Get, List or BatchGet (AWS's naming for the Read and List access
 * levels), so a pattern such as `rds:Describe*` can only ever match reads.
 */

export const serviceOf = (action: string): string => action.split(':')[0];

/** Each pattern's expression, built once: validation matches the same few hundred actions on every run. */
const patterns = new Map<string, RegExp>();

/** Whether an action pattern (`*` as a wildcard, case-insensitive like IAM) matches a concrete action. */
export function actionMatches(pattern: string, action: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    regex = new RegExp(`^${source}$`, 'i');
    patterns.set(pattern, regex);
  }
  return regex.test(action);
}

/** `service:Verb`, the verb possibly ending in `*`. */
export function isAction(action: string): boolean {
  return /^[a-z0-9-]+:[A-Za-z0-9]*\*?$/.test(action);
}

export function isReadAction(action: string): boolean {
  // isAction has checked the verb's characters; a read's verb starts with one of these.
  return isAction(action) && /^(Describe|Get|List|BatchGet)/.test(action.split(':')[1]);
}

/** A read that returns data (an object, a secret, a parameter, a plaintext). */
export function readsData(action: string): boolean {
  // Reads that return data rather than configuration: granted only scoped to their resources, never on `*`.
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
  return dataReads.some((read) => actionMatches(action, read));
}
