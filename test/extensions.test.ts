/**
 * Extensions as synthesized: each configured extension in the extensions schema, which the master user owns, every
 * login role may use and finds through its search_path; the preload list matches the parameter group.
 */
import { PRELOADED_LIBRARIES } from '../constructs/rds-postgresql-extensions';
import { environments } from '../environments';
import { synthEnvironment } from './support/synth';
import { resourcesOfType } from '../synth/terraform-json';

describe.each(environments.map((env) => [env.name, env] as const))('%s', (_name, env) => {
  const stack = synthEnvironment(env);
  const { schema, names } = env.databaseAccess.extensions;

  test('shared_preload_libraries of the parameter group is what the extension rules assume', () => {
    const [group] = Object.values(resourcesOfType(stack, 'aws_db_parameter_group'));
    const preload = (group.parameter as { name: string; value: string }[]).find(
      (p) => p.name === 'shared_preload_libraries',
    );
    expect(preload?.value.split(',')).toEqual([...PRELOADED_LIBRARIES]);
  });

  test('every configured extension is created in the extensions schema, without cascades', () => {
    const extensions = Object.values(resourcesOfType(stack, 'postgresql_extension'));
    expect(extensions.map((e) => e.name).sort()).toEqual([...names].sort());
    for (const e of extensions) {
      expect(e).toEqual(
        expect.objectContaining({
          schema: `\${postgresql_schema.database_access_schema_${schema}.name}`,
          drop_cascade: false,
          create_cascade: false,
        }),
      );
    }
  });

  test('the extensions schema belongs to the master user; login roles get USAGE and find it after their own, the monitoring role as its only schema', () => {
    expect(resourcesOfType(stack, 'postgresql_schema')[`database_access_schema_${schema}`]).toEqual(
      expect.objectContaining({ name: schema, owner: env.database.masterUsername, drop_cascade: false }),
    );
    const grants = Object.values(resourcesOfType(stack, 'postgresql_grant')).filter(
      (g) => g.schema === schema,
    );
    const monitoring = env.databaseAccess.monitoringRole.name;
    const loginRoles = [...env.databaseAccess.roles.filter((r) => r.login).map((r) => r.name), monitoring];
    expect(grants.map((g) => `${g.role} ${g.object_type} ${JSON.stringify(g.privileges)}`).sort()).toEqual(
      loginRoles.map((r) => `${r} schema ["USAGE"]`).sort(),
    );
    for (const role of Object.values(resourcesOfType(stack, 'postgresql_role'))) {
      if (role.name === monitoring) expect(role.search_path).toEqual([schema]);
      else if (role.login) expect((role.search_path as string[]).at(-1)).toBe(schema);
      else expect(role.search_path).not.toContain(schema);
    }
  });
});
