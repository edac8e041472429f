/**
 * The application contract: the committed contract/env.services.json is what contract/services.ts generates, and
 * the synthesized Secret of every service in every environment holds exactly the contract's variables, its secret
 * ones as apply-time references (never literals).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_SERVICES_FILE, envServicesDocument } from '../contract/env-services';
import { ContractError, secretData } from '../contract/secret-data';
import { contractsOf, servedContracts } from '../contract/lookup';
import { applicationContract } from '../contract/services';
import { payload } from '../environments/products/payload';
import { environments } from '../environments';
import { synthEnvironment } from './support/synth';
import { resourcesOfType, type Block, type TerraformJson } from '../synth/terraform-json';

const committed = JSON.parse(readFileSync(join(__dirname, '..', ENV_SERVICES_FILE), 'utf8'));

/** The data of the Secret named `name` in the synthesized stack. */
function secretNamed(stack: TerraformJson, name: string): Record<string, string> | undefined {
  const secret = Object.values(resourcesOfType(stack, 'kubernetes_secret_v1')).find(
    (s) => (s.metadata as Block).name === name,
  );
  return secret?.data as Record<string, string> | undefined;
}

test(`${ENV_SERVICES_FILE} is current (regenerate with npm run contract)`, () => {
  expect(committed).toEqual(envServicesDocument(servedContracts(applicationContract, environments)));
});

test("Payload's required variables include every one of seed 001's", () => {
  expect(committed.services['payload-cms'].required_variables).toEqual(
    expect.arrayContaining([
      'DATABASE_URI',
      'PAYLOAD_SECRET',
      'S3_ENDPOINT',
      'S3_REGION',
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
      'S3_BUCKET',
    ]),
  );
});

describe.each(environments.map((env) => [env.name, env, synthEnvironment(env)] as const))(
  '%s',
  (_name, env, stack) => {
    describe.each(
      contractsOf(applicationContract, Object.keys(env.cluster.apps)).map((s) => [s.service, s] as const),
    )('%s', (_service, service) => {
      const data = secretNamed(stack, service.secretName) ?? {};
      const names = service.variables.map((v) => v.name);

      test('the Secret holds every contract variable and nothing else', () => {
        expect(names.filter((n) => !(n in data))).toEqual([]); // missing
        expect(Object.keys(data).filter((n) => !names.includes(n))).toEqual([]); // not in the contract
      });

      test('secret variables are apply-time references, never literals', () => {
        const literal = service.variables.filter((v) => v.secret && !/\$\{/.test(data[v.name] ?? ''));
        expect(literal.map((v) => v.name)).toEqual([]);
      });

      test('no value is empty', () => {
        expect(Object.entries(data).filter(([, v]) => v === '')).toEqual([]);
      });
    });
  },
);

describe('a contract variable without a source', () => {
  test('stops synthesis, naming the variable, its source and what was provided', () => {
    expect(() => secretData(payload.contract, { 'database.url': 'x' }, {})).toThrow(ContractError);
    expect(() => secretData(payload.contract, { 'database.url': 'x' }, {})).toThrow(
      /payload-cms PAYLOAD_SECRET: source generated.secret is not provided \(provided: database.url\)/,
    );
    expect(() => secretData(payload.contract, { 'database.url': 'x' }, {})).toThrow(
      /payload-cms NEXT_PUBLIC_SERVER_URL: source config, but cluster.apps.payload.settings.NEXT_PUBLIC_SERVER_URL is not set/,
    );
  });
});
