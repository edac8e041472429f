/**
 * What a product is, declared once for every environment: its schema and role, its namespace, how its pods are
 * labelled and served, and its contract (what its Secret holds, including the needs that are its own: media
 * credentials, another product's API). Whether it is live, and its sizes, are the environment's
 * (`products.<key>` in environments/<env>.ts).
 */
import type { ServiceContract } from '../../contract/variables';
import type { AppConfig } from '../parts/cluster';
import type { TableReaderConfig } from '../parts/database-access';

export interface ProductDeclaration {
  /** Its key: Redis ACL user and key prefix, Secret construct id, `products.<key>` in an environment. */
  readonly key: string;
  /** The schema it owns (reserved from the start, so its name is never taken). */
  readonly schema: string;
  /** The role owning the schema: cannot log in while reserved; logs in (same role, same name) once live. */
  readonly role: string;
  /** Its namespace once live, with the guardrails of its tier (Pod Security, limit range) and its quota. */
  readonly namespace: { readonly name: string; readonly purpose: string };
  /** How its pods are labelled and served, and the HTTPS egress it needs (none covering the VPC). */
  readonly app: Pick<
    AppConfig,
    'podLabels' | 'serverPodLabels' | 'httpPort' | 'serviceName' | 'httpsEgressCidrs'
  >;
  /** Tables no other role may ever read. @default - none */
  readonly sensitiveTables?: readonly string[];
  /** Roles reading only listed tables of its schema; an empty list is the switch in its off position. @default - none */
  readonly tableReaders?: readonly TableReaderConfig[];
  /** What its Secret holds; `contract.app` is `key`. */
  readonly contract: ServiceContract;
}
