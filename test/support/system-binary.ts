/**
 * Gate for tests that run a Debian-packaged tool (promtool, prometheus-postgres-exporter): in CI (`CI=true`) its
 * absence is a failure, elsewhere the tests are skipped with a loud message.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The tool's path (PATH first, then the Debian location), or undefined after warning that its tests are skipped. */
export function binaryOrSkip(name: string, debianPath: string): string | undefined {
  const found = [...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, name)), debianPath].find(
    (p) => existsSync(p),
  );
  if (found) return found;
  if (process.env.CI === 'true') throw new Error(`CI=true, but ${name} is not installed`);
  console.warn(
    `\n!!!!! SKIPPING the ${name} tests: ${name} is not installed (scripts/install-system-packages.sh) !!!!!\n`,
  );
  return undefined;
}
