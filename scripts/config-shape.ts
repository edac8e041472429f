/**
 * `npm run config:shape`: writes environments/config-shape.generated.ts, the keys of the configuration interfaces that
 * validation refuses anything beyond. Run it after adding, renaming or removing a config field.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SHAPE_FILE, configShapeSource } from './config-shape-source';

const root = join(__dirname, '..', '..');
writeFileSync(join(root, CONFIG_SHAPE_FILE), configShapeSource(root));
console.log(`wrote ${CONFIG_SHAPE_FILE}`);
