/**
 * Rules for what the applications are handed: the settings the application contract takes from config (every
 * `config` variable set, in its format, and nothing the contract does not list), and the labels and Service name
 * the platform's policies and URLs rely on.
 */
import { applicationContract } from '../../contract/services';
import { contractOf } from '../../contract/lookup';
import { apiUrlTarget } from '../../contract/variables';
import type { EnvironmentRule } from '../validation';
import { isDnsLabel, isLabel } from './formats';

export const applicationRules: readonly EnvironmentRule[] = [
  ({ cluster: { apps } }, c) => {
    for (const [key, app] of Object.entries(apps)) {
      const service = contractOf(applicationContract, key);
      if (!service) continue; // the next rule reports it
      const settings = app.settings;
      const at = `cluster.apps.${key}.settings`;
      for (const variable of service.variables.filter((v) => v.source === 'config')) {
        const value = settings[variable.name];
        if (
          !c.check(
            `${at}.${variable.name}`,
            value,
            value !== undefined && value !== '',
            `a value: the contract variable ${variable.name} of ${service.service} takes it from config (${variable.description})`,
          )
        )
          continue;
        if (variable.format)
          c.check(
            `${at}.${variable.name}`,
            value,
            variable.format.pattern.test(value),
            variable.format.allowed,
          );
      }
      const listed = service.variables.filter((v) => v.source === 'config').map((v) => v.name);
      for (const name of Object.keys(settings).filter((n) => !listed.includes(n))) {
        c.check(
          `${at}.${name}`,
          settings[name],
          false,
          `only settings the contract takes from config (${listed.join(', ') || 'none'}); add the variable to the product's contract (environments/products/<key>.ts) first`,
        );
      }
    }
  },
  ({ cluster: { apps } }, c) => {
    const declared = applicationContract.map((s) => s.app).sort();
    for (const key of Object.keys(apps)) {
      const service = contractOf(applicationContract, key);
      c.check(
        `cluster.apps.${key}`,
        key,
        service !== undefined,
        `a registered product (${declared.join(', ')}; environments/products/): its contract says what the application's Secret holds`,
      );
      for (const variable of service?.variables ?? []) {
        const callee = apiUrlTarget(variable.source);
        if (callee === undefined) continue;
        c.check(
          `cluster.apps.${key}`,
          key,
          callee in apps,
          `an application whose contract calls only applications of cluster.apps (${variable.name} calls ${callee}'s API)`,
        );
      }
    }
  },
  ({ cluster: { apps } }, c) => {
    for (const [key, app] of Object.entries(apps)) {
      const at = `cluster.apps.${key}`;
      c.check(
        `${at}.serviceName`,
        app.serviceName,
        isDnsLabel(app.serviceName),
        'a DNS-1123 label: the name of the Service in front of the application',
      );
      c.check(
        `${at}.serverPodLabels`,
        app.serverPodLabels,
        Object.keys(app.serverPodLabels).length > 0,
        'at least one label only the pods serving HTTP carry (workers must not get ingress)',
      );
      for (const [k, v] of Object.entries(app.serverPodLabels)) {
        c.check(
          `${at}.serverPodLabels.${k}`,
          v,
          isLabel(k, v) && !(k in app.podLabels),
          'a valid Kubernetes label key and value, not already one of podLabels',
        );
      }
    }
  },
];
