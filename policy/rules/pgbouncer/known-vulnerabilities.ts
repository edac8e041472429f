/**
 * LW-PGB-016: PgBouncer runs a version without a known vulnerability.
 */
import { parseVersion } from '../../../charts/pgbouncer/ini';
import { containers } from '../../kubernetes';
import { advisoriesAffecting } from '../../pgbouncer-advisories';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

/** The `x.y.z` an image tag starts with (`…/pgbouncer-docker:1.25.2@sha256:…` → 1.25.2), or undefined. */
function versionOfImage(image: string): string | undefined {
  const tag = image.split('@')[0].split('/').pop()?.split(':')[1] ?? '';
  const version = /^v?(\d+\.\d+\.\d+)/.exec(tag)?.[1];
  return version && parseVersion(version) ? version : undefined;
}

export default resourceRule('LW-PGB-016', () => ({
  title: 'PgBouncer runs a version without a known vulnerability',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    'CVE-2026-6664 lets any client the NetworkPolicies admit crash the pooler before authenticating; the table of ' +
    'advisories fails every image older than the fixing release. No scanner equivalent for the infrastructure code ' +
    '(image scanners report these CVEs only once the image is pulled).',
  types: ['kubernetes_deployment_v1'],
  test: (deployment) => {
    if (get(deployment, 'metadata', 'labels', 'app.kubernetes.io/name') !== 'pgbouncer') return null;
    // The PgBouncer container only: a sidecar (the metrics exporter) has versions of its own.
    const pgbouncer = containers(deployment).filter((c) => c.name === 'pgbouncer');
    const problems = pgbouncer.flatMap((c) => {
      const version = versionOfImage(String(c.image));
      if (!version) return [`cannot tell the PgBouncer version of ${String(c.image)} (tag it x.y.z)`];
      const found = advisoriesAffecting(version);
      return found.length === 0
        ? []
        : [`${version} is affected by ${found.map((a) => `${a.id} (fixed in ${a.fixedIn})`).join(', ')}`];
    });
    return problems.length === 0 || problems.join('; ');
  },
}));
