/**
 * The report's per-service variables: names from each synthesized Secret (never values), secret ones marked, gaps
 * against the contract flagged; shown for an inventory and for a change of an application Secret only.
 */
import { contractsOf } from '../contract/lookup';
import { applicationContract } from '../contract/services';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { renderReport } from '../review/report';
import { serviceVariables } from '../review/service-variables';
import type { TerraformJson } from '../synth/terraform-json';
import { synthEnvironment, withChange } from './support/synth';

const stacks = { dev: synthEnvironment(dev), prod: synthEnvironment(prod) };
const base = new Map<string, TerraformJson>(Object.entries(stacks));

test.each([
  ['dev', dev],
  ['prod', prod],
] as const)('%s: every service variable by name, secret ones marked, no value', (name, config) => {
  const section = serviceVariables({ config, stack: stacks[name] });
  const live = contractsOf(applicationContract, Object.keys(config.cluster.apps));
  for (const service of live)
    for (const v of service.variables)
      expect(section).toContain(
        `| \`${service.service}\` \`${service.secretName}\` | \`${v.name}\` | ${v.secret ? '🔒' : ''} |`,
      );
  expect(section.match(/^\| `/gm)).toHaveLength(live.reduce((n, s) => n + s.variables.length, 0));
  expect(section).toContain('Every Secret holds exactly the variables of contract/env.services.json.');
  expect(section).not.toMatch(/postgresql:\/\/|random_password|redis:\/\/|https:\/\//);
});

test('a Secret that strays from the contract is flagged', () => {
  const stack = structuredClone(stacks.dev);
  const data = stack.resource!.kubernetes_secret_v1.cluster_django_env.data as Record<string, string>;
  delete data.SECRET_KEY;
  data.EXTRA = 'x';
  const section = serviceVariables({ config: dev, stack });
  expect(section).toContain('- ⚠️ `django-env`: `missing SECRET_KEY`');
  expect(section).toContain('- ⚠️ `django-env`: `not in the contract: EXTRA`');
});

describe('in the report', () => {
  const report = (devConfig = dev, compare = true) =>
    renderReport({
      environments: [
        { config: devConfig, stack: devConfig === dev ? stacks.dev : synthEnvironment(devConfig) },
        { config: prod, stack: stacks.prod },
      ],
      ...(compare ? { base } : {}),
    });

  test('an inventory lists the variables of both environments', () => {
    expect(
      report(dev, false).match(/<summary>Application variables \(names only\)<\/summary>/g),
    ).toHaveLength(2);
  });

  test('a change of an application Secret shows them; an unrelated change does not', () => {
    const publicUrl = withChange(
      dev,
      (e) =>
        (e.cluster.apps.payload.settings = { NEXT_PUBLIC_SERVER_URL: 'https://cms2.lightwave-media.site' }),
    );
    expect(report(publicUrl)).toContain('Application variables (names only)');
    const ttl = withChange(dev, (e) => (e.cloudflare.cdn.browserTtlSeconds = 600));
    expect(report(ttl)).not.toContain('Application variables (names only)');
  });
});
