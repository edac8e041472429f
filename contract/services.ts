/**
 * The application contract: every variable each product receives in its Kubernetes Secret, where the value comes
 * from and whether it is secret. Each product declares its own (environments/products/); the cluster layer builds the
 * secrets from them and `npm run contract` writes those of the live products to contract/env.services.json;
 * test/contract.test.ts holds the two together.
 */
import { products } from '../environments/products';
import type { ServiceContract } from './variables';

export const applicationContract: readonly ServiceContract[] = products.map((p) => p.contract);
