/**
 * The laptop's values of the application contract's `config` variables: only variables the contract gives that
 * application from config (anything else would never reach its .env file), each a non-empty value.
 */
import { applicationContract } from '../../../contract/services';
import type { LocalRule } from '../../validation';

export const localSettingsRules: readonly LocalRule[] = [
  ({ settings }, _registry, c) => {
    for (const service of applicationContract) {
      const allowed = service.variables.filter((v) => v.source === 'config').map((v) => v.name);
      for (const [name, value] of Object.entries(settings[service.app] ?? {})) {
        c.check(
          `settings.${service.app}.${name}`,
          value,
          allowed.includes(name) && value.trim() !== '',
          `a non-empty value of a config variable of ${service.service} (its contract in environments/products/): ${allowed.join(', ') || 'none'}`,
        );
      }
    }
  },
];
