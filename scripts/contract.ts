/**
 * `npm run contract`: writes the application contract (contract/services.ts) to contract/env.services.json, the
 * machine-readable list of every variable each service receives. test/contract.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_SERVICES_FILE, envServicesText } from '../contract/env-services';

const file = join(__dirname, '..', '..', ENV_SERVICES_FILE);
writeFileSync(file, envServicesText());
console.log(`wrote ${ENV_SERVICES_FILE}`);
