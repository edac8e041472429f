/**
 * EMULATION, part 1 of 3: the arguments the emulated postgresql provider accepts, and the checks the real provider
 * (cyrilgdn/terraform-provider-postgresql v1.26.0, the version @cdktf/provider-postgresql 12.1.1 binds) runs on them
 * before it touches the server. Followed at tag v1.26.0:
 *
 *   schema defaults and validators  resource_postgresql_role.go, _schema.go, _grant.go, _default_privileges.go
 *                                   (resourcePostgreSQL*() schema maps: Default, Required, ValidateFunc)
 *   grant argument checks           resource_postgresql_grant.go   resourcePostgreSQLGrantCreateOrUpdate
 *   default privileges checks       resource_postgresql_default_privileges.go  resourcePostgreSQLDefaultPrivilegesCreate
 *   privilege names                 helpers.go                     allowedPrivileges, validatePrivileges (exact,
 *                                                                  case-sensitive match)
 *   search_path check               resource_postgresql_role.go    alterSearchPath
 *   random_password                 hashicorp/terraform-provider-random internal/random/string.go CreateString
 *   random_bytes                    hashicorp/terraform-provider-random internal/provider/resource_bytes.go (length)
 *
 * An argument the emulation does not implement is refused, not ignored: the proof would otherwise pass for a
 * configuration whose real effect it never saw. Implement it (from the provider source) before using it.
 */

export type Attributes = Record<string, unknown>;

/** helpers.go allowedPrivileges: per object type, the privilege names validatePrivileges accepts. */
const ALLOWED_PRIVILEGES: Readonly<Record<string, readonly string[]>> = {
  database: ['ALL', 'CREATE', 'CONNECT', 'TEMPORARY'],
  table: ['ALL', 'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'],
  sequence: ['ALL', 'USAGE', 'SELECT', 'UPDATE'],
  schema: ['ALL', 'CREATE', 'USAGE'],
  function: ['ALL', 'EXECUTE'],
  procedure: ['ALL', 'EXECUTE'],
  routine: ['ALL', 'EXECUTE'],
  type: ['ALL', 'USAGE'],
  foreign_data_wrapper: ['ALL', 'USAGE'],
  foreign_server: ['ALL', 'USAGE'],
  column: ['ALL', 'SELECT', 'INSERT', 'UPDATE', 'REFERENCES'],
};

/** The privileges `ALL` stands for on an object type (resourcePrivilegesEqual compares against these). */
export function privilegesOfAll(objectType: string): string[] {
  return (ALLOWED_PRIVILEGES[objectType] ?? []).filter((p) => p !== 'ALL');
}

/** resource_postgresql_grant.go allowedObjectTypes (the object_type validator). */
const GRANT_OBJECT_TYPES = [
  'database',
  'function',
  'procedure',
  'routine',
  'schema',
  'sequence',
  'table',
  'foreign_data_wrapper',
  'foreign_server',
  'column',
];
const DEFAULT_PRIVILEGES_OBJECT_TYPES = ['table', 'sequence', 'function', 'routine', 'type', 'schema'];

interface ResourceModel {
  /** Arguments the emulation implements, with the provider's default where its schema declares one. */
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly required: readonly string[];
  /** Object types the emulated SQL covers (grants and default privileges). */
  readonly objectTypes?: readonly string[];
  /** The provider's own checks, throwing its error message. */
  readonly check?: (a: Attributes) => void;
}

/** validation.StringInSlice / validation.IntAtLeast, as terraform-plugin-sdk words their errors. */
function oneOf(a: Attributes, key: string, allowed: readonly string[]): void {
  if (!allowed.includes(String(a[key]))) {
    throw new Error(`expected ${key} to be one of ${JSON.stringify(allowed)}, got ${String(a[key])}`);
  }
}
function atLeast(a: Attributes, key: string, minimum: number): void {
  if (a[key] !== undefined && Number(a[key]) < minimum) {
    throw new Error(`expected ${key} to be at least (${minimum}), got ${String(a[key])}`);
  }
}

/** helpers.go validatePrivileges: each privilege, exactly as written, must be allowed for the object type. */
function validatePrivileges(a: Attributes): void {
  const allowed = ALLOWED_PRIVILEGES[String(a.object_type)];
  if (!allowed) throw new Error(`unknown object type ${String(a.object_type)}`);
  for (const privilege of a.privileges as string[]) {
    if (!allowed.includes(privilege)) {
      throw new Error(`${privilege} is not an allowed privilege for object type ${String(a.object_type)}`);
    }
  }
}

const MODELS: Readonly<Record<string, ResourceModel>> = {
  random_password: {
    arguments: { length: undefined, special: true, min_numeric: 0 },
    required: ['length'],
    check: (a) => {
      if (a.special !== false)
        throw new Error('the emulation generates alphanumeric passwords only (special = false)');
    },
  },
  random_bytes: { arguments: { length: undefined }, required: ['length'], check: () => undefined },
  postgresql_role: {
    arguments: {
      name: undefined,
      login: false,
      password: undefined,
      connection_limit: -1,
      statement_timeout: undefined,
      search_path: undefined,
      roles: undefined,
      superuser: false,
      create_database: false,
      create_role: false,
      inherit: true,
      replication: false,
      bypass_row_level_security: false,
    },
    required: ['name'],
    check: (a) => {
      atLeast(a, 'connection_limit', -1);
      atLeast(a, 'statement_timeout', 0);
      for (const part of (a.search_path as string[] | undefined) ?? []) {
        if (part.includes(', ')) throw new Error(`search_path cannot contain \`, \`: ${part}`);
      }
    },
  },
  postgresql_schema: {
    arguments: {
      name: undefined,
      database: undefined,
      owner: undefined,
      if_not_exists: true,
      drop_cascade: false,
    },
    required: ['name'],
  },
  postgresql_grant: {
    arguments: {
      role: undefined,
      database: undefined,
      schema: undefined,
      object_type: undefined,
      privileges: undefined,
    },
    required: ['role', 'database', 'object_type', 'privileges'],
    objectTypes: ['database', 'schema', 'table', 'sequence'],
    check: (a) => {
      oneOf(a, 'object_type', GRANT_OBJECT_TYPES);
      const databaseLevel = ['database', 'foreign_data_wrapper', 'foreign_server'].includes(
        String(a.object_type),
      );
      if (!a.schema && !databaseLevel)
        throw new Error("parameter 'schema' is mandatory for postgresql_grant resource");
      validatePrivileges(a);
    },
  },
  postgresql_default_privileges: {
    arguments: {
      role: undefined,
      database: undefined,
      schema: undefined,
      owner: undefined,
      object_type: undefined,
      privileges: undefined,
    },
    required: ['role', 'database', 'owner', 'object_type', 'privileges'],
    objectTypes: ['table', 'sequence'],
    check: (a) => {
      oneOf(a, 'object_type', DEFAULT_PRIVILEGES_OBJECT_TYPES);
      if (a.schema && a.object_type === 'schema')
        throw new Error('cannot specify `schema` when `object_type` is `schema`');
      validatePrivileges(a);
    },
  },
};

export const EMULATED_TYPES = Object.keys(MODELS);

/**
 * The configured arguments of a resource with the provider's defaults filled in, after the provider's checks.
 * Throws on an unknown resource type, an argument the emulation does not implement, a missing required argument,
 * and anything the provider itself refuses.
 */
export function checkedInputs(type: string, configured: Attributes): Attributes {
  const model = MODELS[type];
  if (!model) throw new Error(`the emulation does not implement ${type}`);
  const unmodelled = Object.keys(configured).filter((key) => !(key in model.arguments));
  if (unmodelled.length > 0) {
    throw new Error(
      `the emulation does not implement ${unmodelled.map((k) => `${type}.${k}`).join(', ')}: ` +
        'model it in test/support/postgresql-provider-*.ts from the provider source before relying on it',
    );
  }
  for (const key of model.required) {
    if (configured[key] === undefined)
      throw new Error(`The argument "${key}" is required, but no definition was found.`);
  }
  const withDefaults = Object.fromEntries(
    Object.entries(model.arguments)
      .map(([key, fallback]) => [key, configured[key] ?? fallback])
      .filter(([, value]) => value !== undefined),
  );
  model.check?.(withDefaults);
  if (model.objectTypes && !model.objectTypes.includes(String(withDefaults.object_type))) {
    throw new Error(
      `the emulation does not implement ${type} with object_type ${String(withDefaults.object_type)}`,
    );
  }
  return withDefaults;
}
