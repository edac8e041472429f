/**
 * The one value an application's contract may have generated for it (`generated.secret`: Payload's PAYLOAD_SECRET,
 * Django's SECRET_KEY). Its name is the variable's, in snake case, prefixed by the application unless it already
 * starts with it (`payload_secret`, `django_secret_key`): the cluster's random_password construct id and the local
 * setup's credential file both take it, so an application added later needs no code of its own.
 */
import type { ServiceContract } from './variables';

export const GENERATED_SECRET_LENGTH = 64;

/** The name of `service`'s generated secret, or undefined when its contract asks for none. */
export function generatedSecretName(service: ServiceContract): string | undefined {
  const variable = service.variables.find((v) => v.source === 'generated.secret');
  if (!variable) return undefined;
  const snake = variable.name.toLowerCase();
  return snake.startsWith(`${service.app}_`) ? snake : `${service.app}_${snake}`;
}
