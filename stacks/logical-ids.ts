/**
 * Readable Terraform addresses: `aws_db_instance.database_instance` instead of `database_instance_4F1C2A9B`.
 *
 * The address is the construct path below the stack joined with `_`, so a construct id is part of the resource's
 * address: renaming one replaces the resource unless it is moved (`moveTo`). Two paths that collapse to the same
 * address are refused instead of silently colliding.
 */
export class LogicalIdRegistry {
  private readonly owners = new Map<string, string>();

  allocate(pathComponents: readonly string[]): string {
    const path = pathComponents.join('/');
    const id = pathComponents.map((c) => c.replace(/[^A-Za-z0-9_]/g, '_')).join('_');
    const owner = this.owners.get(id);
    if (owner !== undefined && owner !== path) {
      throw new Error(
        `Construct paths "${owner}" and "${path}" both map to the Terraform name "${id}"; rename one of them`,
      );
    }
    this.owners.set(id, path);
    return id;
  }
}
