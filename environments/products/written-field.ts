/**
 * Where a derived value was written. A product's role, namespace and app are worked out from `products`,
 * `productSizes` and `cluster.platformNamespace` (define-environment.ts); a failure found on one of them is reported
 * on the field the engineer wrote, e.g. `databaseAccess.roles[2].connectionLimit` on `productSizes.connectionLimit`
 * or `products.createos.connectionLimit`. A derived value that no longer equals its source (a test changing the
 * derived config directly) keeps its own path.
 */
import type { EnvironmentConfig } from '../config';
import { valueAtField } from '../field-path';
import type { ProductSizes } from '../parts/products';
import { products } from '.';

/** The field a product's size is written in: its own entry when it sets one, else the environment's sizes. */
const sizeField = (env: EnvironmentConfig, key: string, size: keyof ProductSizes): string =>
  env.products[key]?.[size] !== undefined ? `products.${key}.${size}` : `productSizes.${size}`;

/** The written field a derived one comes from, or undefined when `field` is not derived from a product. */
function sourceOf(env: EnvironmentConfig, field: string): string | undefined {
  const role = /^databaseAccess\.roles\[(\d+)\]\.(connectionLimit|statementTimeoutMs)(.*)$/.exec(field);
  if (role) {
    const product = products.find((p) => p.role === env.databaseAccess.roles[Number(role[1])]?.name);
    return product && `${sizeField(env, product.key, role[2] as keyof ProductSizes)}${role[3]}`;
  }
  const namespace = /^cluster\.namespaces\[(\d+)\](.*)$/.exec(field);
  if (namespace) {
    const name = env.cluster.namespaces[Number(namespace[1])]?.name;
    if (name === env.cluster.platformNamespace.name) return `cluster.platformNamespace${namespace[2]}`;
    const product = products.find((p) => p.namespace.name === name);
    const quota = /^\.quota(.*)$/.exec(namespace[2]);
    return product && quota ? `${sizeField(env, product.key, 'quota')}${quota[1]}` : undefined;
  }
  const settings = /^cluster\.apps\.([^.]+)\.settings(.*)$/.exec(field);
  return settings && settings[1] in env.products
    ? `products.${settings[1]}.settings${settings[2]}`
    : undefined;
}

export function writtenField(env: EnvironmentConfig, field: string): string {
  // A live product's whole app (its contract calls an app not live here): its entry's status made it live.
  const app = /^cluster\.apps\.([^.]+)$/.exec(field)?.[1];
  if (app !== undefined && env.products?.[app]?.status === 'live') return `products.${app}.status`;
  let source: string | undefined;
  try {
    source = sourceOf(env, field);
  } catch {
    return field; // a config missing the parts products derive from: its structure failure says so
  }
  if (source === undefined) return field;
  const same = JSON.stringify(valueAtField(env, field)) === JSON.stringify(valueAtField(env, source));
  return same ? source : field;
}
