/**
 * Ports of the local setup: unprivileged, each used once, and none that the environments' config already takes on
 * this machine (the operator's tunnel to a database, `databaseAccess.connection`).
 */
import type { LocalPorts } from '../../parts/local';
import type { LocalRule } from '../../validation';
import { isIntegerIn } from '../formats';

const isLoopback = (host: string) => host === 'localhost' || /^127\./.test(host);

export const localPortRules: readonly LocalRule[] = [
  ({ ports }, _registry, c) => {
    for (const [service, port] of Object.entries(ports)) {
      c.check(`ports.${service}`, port, isIntegerIn(port, 1024, 65535), 'an integer from 1024 to 65535');
    }
  },
  ({ ports }, _registry, c) => {
    const holder = new Map<number, string>();
    for (const [service, port] of Object.entries(ports) as [keyof LocalPorts, number][]) {
      const taken = holder.get(port);
      c.check(
        `ports.${service}`,
        port,
        taken === undefined,
        `a port no other local service uses (ports.${taken} is ${port})`,
      );
      if (taken === undefined) holder.set(port, service);
    }
  },
  ({ ports }, registry, c) => {
    const tunnels = registry.filter((e) => isLoopback(e.databaseAccess.connection.host));
    for (const [service, port] of Object.entries(ports)) {
      const env = tunnels.find((e) => e.databaseAccess.connection.port === port);
      c.check(
        `ports.${service}`,
        port,
        env === undefined,
        `a port other than ${env?.name}'s database tunnel (environments/${env?.name}.ts databaseAccess.connection ` +
          `${env?.databaseAccess.connection.host}:${port})`,
      );
    }
  },
];
