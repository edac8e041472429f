/**
 * `npm run contract`: writes the application contract of every product live in a registered environment to
 * contract/env.services.json, the machine-readable list of every variable each service receives. test/contract.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_SERVICES_FILE, envServicesText } from '../contract/env-services';
import { servedContracts } from '../contract/lookup';
import { applicationContract } from '../contract/services';
import { environments } from '../environments';

const file = join(__dirname, '..', '..', ENV_SERVICES_FILE);
writeFileSync(file, envServicesText(servedContracts(applicationContract, environments)));
console.log(`wrote ${ENV_SERVICES_FILE}`);
