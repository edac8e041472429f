/**
 * A SaaS product the plans reserve a schema for ("Future SaaS product", seed 000): named after its key everywhere
 * (schema, namespace, Service, labels), its role `<key>_owner` owns the schema, and it takes the standard contract.
 * Launching one is `products.<key>.status: 'live'` in an environment (README, "Add or launch a product").
 */
import { standardContract } from '../../contract/standard';
import type { ProductDeclaration } from './product';

/** Port the product's web pods serve HTTP on: a non-root server's usual port. */
const HTTP_PORT = 8080;

export function futureProduct(key: string, title: string): ProductDeclaration {
  const description = `${title} (future SaaS product): owns the ${key} schema`;
  return {
    key,
    schema: key,
    role: `${key}_owner`,
    namespace: { name: key, purpose: description },
    app: {
      podLabels: { 'app.kubernetes.io/name': key },
      serverPodLabels: { 'app.kubernetes.io/component': 'web' },
      httpPort: HTTP_PORT,
      serviceName: key,
      httpsEgressCidrs: [],
    },
    contract: standardContract(key, key, title, description),
  };
}
