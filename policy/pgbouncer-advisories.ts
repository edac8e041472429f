/**
 * Published PgBouncer vulnerabilities and the release that fixed each: the next advisory is one row away from
 * failing the gate (LW-PGB-016). Every row's source is the changelog of the fixing release, PgBouncer's NEWS.md
 * (https://www.pgbouncer.org/changelog.html; read in pgbouncer-1.25.2-src.tar.gz, ../shared/vendor/), dated as
 * released. Rows older than the oldest version the platform renders for (1.18.0) are left out.
 */
import { atLeast } from '../charts/pgbouncer/ini';

export interface PgBouncerAdvisory {
  readonly id: string;
  /** The first release without the vulnerability (`x.y.z`). */
  readonly fixedIn: string;
  /** Release date of `fixedIn` (YYYY-MM-DD). */
  readonly published: string;
  readonly summary: string;
  readonly source: string;
}

const NEWS = 'pgbouncer/pgbouncer NEWS.md';

export const pgbouncerAdvisories: readonly PgBouncerAdvisory[] = [
  {
    id: 'CVE-2026-6664',
    fixedIn: '1.25.2',
    published: '2026-05-08',
    summary: 'an unauthenticated client crashes PgBouncer with a malformed SCRAM packet',
    source: `${NEWS}, 1.25.2`,
  },
  {
    id: 'CVE-2026-6665',
    fixedIn: '1.25.2',
    published: '2026-05-08',
    summary: "stack overflow from a malicious server's long SCRAM nonce",
    source: `${NEWS}, 1.25.2`,
  },
  {
    id: 'CVE-2026-6666',
    fixedIn: '1.25.2',
    published: '2026-05-08',
    summary: 'crash on a server error response without SQLSTATE',
    source: `${NEWS}, 1.25.2`,
  },
  {
    id: 'CVE-2026-6667',
    fixedIn: '1.25.2',
    published: '2026-05-08',
    summary: 'KILL_CLIENT allowed to every console user, not only admin_users',
    source: `${NEWS}, 1.25.2`,
  },
  {
    id: 'CVE-2025-12819',
    fixedIn: '1.25.1',
    published: '2025-12-03',
    summary: 'SQL during authentication through search_path (with track_extra_parameters and auth_user)',
    source: `${NEWS}, 1.25.1`,
  },
  {
    id: 'CVE-2025-2291',
    fixedIn: '1.24.1',
    published: '2025-04-16',
    summary: "auth_query ignored a password's VALID UNTIL",
    source: `${NEWS}, 1.24.1`,
  },
];

/** Advisories that affect `version` (`x.y.z`), every one counted whatever the configuration. */
export function advisoriesAffecting(version: string): PgBouncerAdvisory[] {
  return pgbouncerAdvisories.filter((a) => !atLeast(version, a.fixedIn));
}
