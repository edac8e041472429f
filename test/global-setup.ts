/**
 * Jest global setup: builds (or finds cached) the PgBouncer version each registered environment's pgbouncer.ini is
 * rendered for, once, before the workers start, so suites running in parallel never race on the build. On a fresh
 * clone (`.ci/run`) this is where the shipped PgBouncer gets built (test/support/shipped-pgbouncer.ts).
 */
import { environments } from '../environments';
import { resolvePgBouncer } from './support/shipped-pgbouncer';
import { pruneSynthCache } from './support/synth-cache';

export default function globalSetup(): void {
  pruneSynthCache();
  for (const version of new Set(environments.map((e) => e.cluster.pgbouncer.version))) {
    const binary = resolvePgBouncer(version);
    console.log(
      `\nPgBouncer for pgbouncer.ini ${version}: ${binary.path} (${binary.version}${binary.shipped ? '' : ', FALLBACK'})`,
    );
  }
}
