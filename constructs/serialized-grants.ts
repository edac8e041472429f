/**
 * PostgreSQL grants and default privileges, at most one per tuple and applied one after another.
 *
 * Why one per tuple: `postgresql_grant` is authoritative: create and update revoke everything on
 * (role, database, schema, object_type) and then grant (cyrilgdn/terraform-provider-postgresql v1.26.0,
 * resource_postgresql_grant.go, createRevokeQuery). A second resource on the same tuple undoes the first. A grant
 * naming `objects` revokes and grants on those objects alone (and reads them alone), so grants naming different
 * tables of one tuple coexist; none may share the tuple with a grant on every object of it.
 * Why serialized: grants running in parallel fail with `tuple concurrently updated` (cyrilgdn#178, open); chaining
 * them with depends_on makes `cdktf deploy` safe at any `--terraform-parallelism`. A grant naming objects waits for
 * the chain but nothing waits for it, so one that fails (its table does not exist yet) stops no other; the provider
 * takes an advisory lock on the role for each grant (pgLockRole), so they still run one at a time per role.
 */
import { DefaultPrivileges } from '@cdktf/provider-postgresql/lib/default-privileges';
import { Grant } from '@cdktf/provider-postgresql/lib/grant';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

export interface GrantSpec {
  readonly role: string;
  readonly database: string;
  /** @default - none: database-level grant */
  readonly schema?: string;
  readonly objectType: 'database' | 'schema' | 'table' | 'sequence';
  /** An empty list revokes everything (used to take rights away from PUBLIC). */
  readonly privileges: readonly string[];
  /**
   * Only these tables or sequences of `schema` (they must exist when the grant is applied); the provider then
   * revokes and grants on them alone.
   *
   * @default - every object of the type in the schema (ALL TABLES IN SCHEMA)
   */
  readonly objects?: readonly string[];
}

export interface DefaultPrivilegesSpec {
  readonly role: string;
  readonly database: string;
  readonly schema: string;
  /** The role whose future objects the privileges apply to. */
  readonly owner: string;
  readonly objectType: 'table' | 'sequence';
  readonly privileges: readonly string[];
}

export class SerializedGrants extends Construct {
  private previous: ITerraformDependable[];
  /** Who holds each tuple (`whole`) or each object of it. */
  private readonly claimed = new Map<string, { whole?: string; objects: Map<string, string> }>();

  /** @param after resources every grant must wait for (roles, schemas, the server) */
  constructor(scope: Construct, id: string, after: readonly ITerraformDependable[]) {
    super(scope, id);
    this.previous = [...after];
  }

  grant(id: string, spec: GrantSpec): Grant {
    const tuple = {
      role: spec.role,
      database: spec.database,
      schema: spec.schema ?? '',
      object_type: spec.objectType,
    };
    this.claim('postgresql_grant', id, tuple, spec.objects);
    const grant = new Grant(this, id, {
      role: spec.role,
      database: spec.database,
      ...(spec.schema !== undefined ? { schema: spec.schema } : {}),
      objectType: spec.objectType,
      privileges: [...spec.privileges],
      ...(spec.objects ? { objects: [...spec.objects] } : {}),
      dependsOn: this.previous,
    });
    return spec.objects ? grant : this.chain(grant);
  }

  defaultPrivileges(id: string, spec: DefaultPrivilegesSpec): DefaultPrivileges {
    const { role, database, schema, owner, objectType } = spec;
    this.claim('postgresql_default_privileges', id, {
      role,
      database,
      schema,
      owner,
      object_type: objectType,
    });
    return this.chain(
      new DefaultPrivileges(this, id, {
        ...spec,
        privileges: [...spec.privileges],
        dependsOn: this.previous,
      }),
    );
  }

  private claim(type: string, id: string, tuple: Record<string, string>, objects?: readonly string[]): void {
    const key = `${type} ${JSON.stringify(tuple)}`;
    const held = this.claimed.get(key) ?? { objects: new Map<string, string>() };
    const holder = objects
      ? (held.whole ?? objects.map((o) => held.objects.get(o)).find((h) => h !== undefined))
      : (held.whole ?? held.objects.values().next().value);
    if (holder !== undefined) {
      const described = Object.entries(tuple)
        .map(([k, v]) => `${k} "${v}"`)
        .join(', ');
      throw new Error(
        `${type} (${described}) is declared twice, by "${holder}" and "${id}": the provider revokes everything on ` +
          'that tuple before granting, so each would undo the other. Merge their privileges into one.',
      );
    }
    if (objects) objects.forEach((o) => held.objects.set(o, id));
    else held.whole = id;
    this.claimed.set(key, held);
  }

  private chain<T extends ITerraformDependable>(resource: T): T {
    this.previous = [resource];
    return resource;
  }
}
