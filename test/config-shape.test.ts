/**
 * The generated key shapes stay in step with the configuration interfaces, and the walker finds unknown keys at every
 * depth of every kind of value (objects, lists, free-key maps), while every registered environment has none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leaf, list, object, record, unknownKeys } from '../environments/config-shape';
import { environmentConfigShape, localConfigShape } from '../environments/config-shape.generated';
import { environments } from '../environments';
import { local } from '../environments/local';
import { CONFIG_SHAPE_FILE, configShapeSource } from '../scripts/config-shape-source';

const ROOT = join(__dirname, '..');

describe('generated shapes', () => {
  test(`${CONFIG_SHAPE_FILE} is what \`npm run config:shape\` writes from today's interfaces`, () => {
    const expected = configShapeSource(ROOT);
    expect(readFileSync(join(ROOT, CONFIG_SHAPE_FILE), 'utf8')).toBe(expected);
  }, 60000);

  test.each(environments.map((e) => [e.name, e] as const))('%s declares only known keys', (_name, env) => {
    expect(unknownKeys(env, environmentConfigShape)).toEqual([]);
  });

  test('the local setup declares only known keys', () => {
    expect(unknownKeys(local, localConfigShape)).toEqual([]);
  });
});

describe('unknownKeys', () => {
  const shape = object({
    name: leaf,
    tags: record(leaf),
    pools: list(object({ size: leaf, limits: object({ cpu: leaf }) })),
    apps: record(object({ port: leaf })),
  });

  test('a known value at every depth has no unknown key', () => {
    const value = {
      name: 'a',
      tags: { any: 'x' },
      pools: [{ size: 1, limits: { cpu: '1' } }],
      apps: { a: { port: 1 } },
    };
    expect(unknownKeys(value, shape)).toEqual([]);
  });

  test.each([
    ['top level', { nmae: 'a' }, 'nmae', ['apps', 'name', 'pools', 'tags']],
    ['list element', { pools: [{ size: 1 }, { sise: 2 }] }, 'pools[1].sise', ['limits', 'size']],
    ['object inside a list element', { pools: [{ limits: { gpu: 1 } }] }, 'pools[0].limits.gpu', ['cpu']],
    ['value of a free-key map', { apps: { a: { prot: 1 } } }, 'apps.a.prot', ['port']],
  ])(
    'an unknown key at the %s is reported with its path and the keys allowed there',
    (_where, value, path, allowed) => {
      expect(unknownKeys(value, shape)).toEqual([{ path, key: path.split(/[.\]]/).pop(), allowed }]);
    },
  );

  test('free keys of a record are not reported, nor values a shape does not describe as objects', () => {
    expect(unknownKeys({ tags: { anything: 'goes' }, name: { not: 'an object shape' } }, shape)).toEqual([]);
  });

  test('every unknown key is reported, not only the first', () => {
    expect(unknownKeys({ a: 1, b: 2, pools: [{ c: 3 }] }, shape).map((u) => u.path)).toEqual([
      'a',
      'b',
      'pools[0].c',
    ]);
  });
});
