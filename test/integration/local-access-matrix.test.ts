/**
 * One source of truth, proven on real servers: the postgresql layer of the environment `npm run local` mirrors,
 * applied by the harness (deployed-access-layer.ts), and the local bootstrap generated from the same config
 * (local/postgres/, run with psql 15), each on its own PostgreSQL 15 and in the same order, give the same role ×
 * schema access matrix, cell by cell, and the same catalog: role attributes and settings, memberships, owners and
 * ACLs of the database, schemas, tables and default privileges, the extensions with their schema and owner.
 */
import type { Client } from 'pg';
import { accessPlan } from '../../environments/access-plan';
import { local } from '../../environments/local';
import {
  diffAccessMatrices,
  expectedAccessMatrix,
  formatAccessMatrix,
  OUTSIDER,
  probeAccessMatrix,
  probedSchemas,
  type AccessMatrix,
  type ProbeTarget,
} from '../support/access-matrix';
import { deployAccessLayer } from '../support/deployed-access-layer';
import {
  bootstrapLikeADeployment,
  startLocalBootstrap,
  type LocalBootstrap,
} from '../support/local-bootstrap';
import { startLocalPostgres, type LocalPostgres } from '../support/local-postgres';
import { synthEnvironment } from '../support/synth';

jest.setTimeout(180_000);

const env = local.basedOn;
const dbName = env.database.databaseName;
const plan = accessPlan(env.databaseAccess, dbName);
const roles = [...plan.roles.map((r) => r.name), OUTSIDER.name];
// `public` too (PUBLIC loses every right on it) and the extensions' (every login role has USAGE there).
const schemas = probedSchemas(env.databaseAccess);

/** Everything the access model decides, read from the catalog with names instead of oids; ACL items sorted (their order means nothing). */
const CATALOG = `SELECT
  (SELECT json_agg(json_build_object(
      'role', rolname, 'login', rolcanlogin, 'super', rolsuper, 'createrole', rolcreaterole, 'createdb', rolcreatedb,
      'inherit', rolinherit, 'replication', rolreplication, 'bypassrls', rolbypassrls, 'limit', rolconnlimit,
      'validUntil', rolvaliduntil, 'settings', rolconfig,
      'memberOf', ARRAY(SELECT roleid::regrole::text FROM pg_auth_members WHERE member = r.oid ORDER BY 1))
    ORDER BY rolname) FROM pg_roles r WHERE rolname !~ '^pg_') AS roles,
  (SELECT json_build_object('owner', datdba::regrole::text, 'acl', ARRAY(SELECT unnest(datacl)::text ORDER BY 1))
     FROM pg_database WHERE datname = current_database()) AS database,
  (SELECT json_agg(json_build_object('schema', nspname, 'owner', nspowner::regrole::text, 'acl', ARRAY(SELECT unnest(nspacl)::text ORDER BY 1))
    ORDER BY nspname) FROM pg_namespace WHERE nspname !~ '^(pg_|information_schema)') AS schemas,
  (SELECT json_agg(json_build_object('relation', c.oid::regclass::text, 'owner', relowner::regrole::text,
      'acl', ARRAY(SELECT unnest(relacl)::text ORDER BY 1)) ORDER BY c.oid::regclass::text)
     FROM pg_class c JOIN pg_namespace n ON n.oid = relnamespace
    WHERE nspname !~ '^(pg_|information_schema)' AND relkind IN ('r', 'S')) AS relations,
  (SELECT json_agg(json_build_object('owner', defaclrole::regrole::text, 'schema', defaclnamespace::regnamespace::text,
      'objects', defaclobjtype, 'acl', ARRAY(SELECT unnest(defaclacl)::text ORDER BY 1)) ORDER BY 1::text) FROM pg_default_acl) AS default_privileges,
  (SELECT json_agg(json_build_object('extension', extname, 'schema', extnamespace::regnamespace::text,
      'owner', extowner::regrole::text) ORDER BY extname) FROM pg_extension) AS extensions`;

async function catalog(client: Client): Promise<unknown> {
  try {
    return (await client.query(CATALOG)).rows[0];
  } finally {
    await client.end();
  }
}

let layerServer: LocalPostgres;
let bootstrap: LocalBootstrap;
let fromLayer: AccessMatrix;
let fromBootstrap: AccessMatrix;

/** Every role of the plan (and the outsider) tried on `server`, logging in with `password(role)`. */
async function probe(server: LocalPostgres, password: (role: string) => string): Promise<AccessMatrix> {
  const superuser = await server.connect('postgres', dbName);
  const target: ProbeTarget = { superuser, login: (role, pw) => server.connect(role, dbName, pw) };
  try {
    return await probeAccessMatrix(
      target,
      roles.map((name) => ({ name, password: password(name) })),
      schemas,
    );
  } finally {
    await superuser.end();
  }
}

async function deployLayer(): Promise<void> {
  layerServer = await startLocalPostgres();
  try {
    const deployed = await deployAccessLayer(layerServer, env, synthEnvironment(env));
    fromLayer = await probe(layerServer, deployed.password);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- postgres log ---\n${layerServer.logTail()}`);
  }
}

async function bootstrapLocally(): Promise<void> {
  bootstrap = await startLocalBootstrap(local);
  fromBootstrap = await probe(bootstrap.server, await bootstrapLikeADeployment(bootstrap, local));
}

beforeAll(() => Promise.all([deployLayer(), bootstrapLocally()]));
afterAll(async () => {
  await Promise.allSettled([layerServer?.stop(), bootstrap?.stop()]);
});

test(`the local bootstrap's access matrix equals ${env.name}'s postgresql layer's, cell by cell`, () => {
  console.log(
    `access matrix of ${env.name}'s layer:\n${formatAccessMatrix(fromLayer)}\n` +
      `access matrix of the local bootstrap:\n${formatAccessMatrix(fromBootstrap)}`,
  );
  expect(diffAccessMatrices(fromLayer, fromBootstrap)).toEqual([]);
  // Not two equally wrong (or empty) matrices: both are the one the model declares.
  expect(diffAccessMatrices(expectedAccessMatrix(env.databaseAccess, roles, schemas), fromBootstrap)).toEqual(
    [],
  );
});

test('the catalogs agree: roles, memberships, owners and ACLs of database, schemas, tables, default privileges, extensions', async () => {
  const layer = await catalog(await layerServer.connect('postgres', dbName));
  const localCatalog = await catalog(await bootstrap.server.connect('postgres', dbName));
  expect(localCatalog).toEqual(layer);
  expect(JSON.stringify(layer)).toContain('"memberOf":["pg_monitor"]');
});
