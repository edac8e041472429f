/**
 * Jest global setup: obtains (finds installed, or builds once) every server the registered environments ship —
 * PgBouncer and Redis/Valkey at their configured versions — before the workers start, so suites running in parallel
 * never race on a build (test/support/server-binary.ts; docs/testing-servers.md).
 */
import { environments } from '../environments';
import { obtainShippedServers } from './support/server-binary';
import { pruneSynthCache } from './support/synth-cache';

export default function globalSetup(): void {
  pruneSynthCache();
  obtainShippedServers(environments);
}
