/**
 * Published vulnerabilities of every image the platform ships, and the releases that fixed each: the next advisory
 * is one row away from failing the gate (LW-PGB-016). Each row cites its source and is dated as published there.
 *
 * A fix may land on several release lines at once (Redis 7.2.11, 7.4.6, 8.0.4, 8.2.2): `fixedIn` lists one release per
 * line. A version is affected unless its own line (major.minor) has a listed fix it has reached, or it is newer than
 * every listed fix (a later line, released after the advisory). Rows older than the oldest version the platform
 * renders for are left out. Exporters: no advisory was found for prometheus-community's postgres_exporter and
 * pgbouncer_exporter (searched 2026-12-06); they are listed as products so an unknown image still fails the gate.
 */
import { atLeast, parseVersion } from '../charts/pgbouncer/ini';

/**
 * What an image runs, by its whole repository (registry and path, as canonicalRepository writes it): the publishers
 * the platform ships from, and Docker Hub's official redis image. Matching the last path segment alone would let
 * `evil.io/x/valkey` pass as Valkey.
 */
export const IMAGE_PRODUCTS: Readonly<Record<string, string>> = {
  'ghcr.io/icoretech/pgbouncer-docker': 'pgbouncer',
  'docker.io/library/redis': 'redis',
  'docker.io/valkey/valkey': 'valkey',
  'docker.io/rclone/rclone': 'rclone',
  'docker.io/prometheuscommunity/postgres-exporter': 'postgres_exporter',
  'docker.io/prometheuscommunity/pgbouncer-exporter': 'pgbouncer_exporter',
};

/**
 * The repository of an image reference with its registry spelled out, as Docker resolves a short name
 * (distribution/reference normalize.go): no registry (a first component without `.` or `:`, not `localhost`) is
 * docker.io, and a one-component name on docker.io is under `library/`.
 */
export function canonicalRepository(image: string): string {
  const name = image.split('@')[0].replace(/:[^/:]*$/, '');
  const [first, ...rest] = name.split('/');
  const hasRegistry = rest.length > 0 && (/[.:]/.test(first) || first === 'localhost');
  const path = hasRegistry ? rest : [first, ...rest];
  const registry = hasRegistry ? first : 'docker.io';
  return [registry, ...(registry === 'docker.io' && path.length === 1 ? ['library'] : []), ...path].join('/');
}

export interface ImageAdvisory {
  readonly product: string;
  readonly id: string;
  /** The first release without the vulnerability on each release line it was fixed on (`x.y.z`). */
  readonly fixedIn: readonly string[];
  /** Publication date of the fix or advisory, as the source gives it (YYYY-MM-DD). */
  readonly published: string;
  readonly summary: string;
  readonly source: string;
}

const NEWS = 'pgbouncer/pgbouncer NEWS.md';
const REDIS_2024 = 'redis/redis releases 7.2.6 and 7.4.1 (security fixes)';
const REDIS_LUA = 'docker-library/official-images#20011; redis/docs#2211 (7.4.6 release notes)';
const VALKEY = 'valkey-io/valkey releases';
const RCLONE = 'rclone/rclone security advisories';

const pgbouncer = (id: string, fixedIn: string, published: string, summary: string): ImageAdvisory => ({
  product: 'pgbouncer',
  id,
  fixedIn: [fixedIn],
  published,
  summary,
  source: `${NEWS}, ${fixedIn}`,
});

export const imageAdvisories: readonly ImageAdvisory[] = [
  pgbouncer(
    'CVE-2026-6664',
    '1.25.2',
    '2026-05-08',
    'an unauthenticated client crashes PgBouncer with a malformed SCRAM packet',
  ),
  pgbouncer(
    'CVE-2026-6665',
    '1.25.2',
    '2026-05-08',
    "stack overflow from a malicious server's long SCRAM nonce",
  ),
  pgbouncer('CVE-2026-6666', '1.25.2', '2026-05-08', 'crash on a server error response without SQLSTATE'),
  pgbouncer(
    'CVE-2026-6667',
    '1.25.2',
    '2026-05-08',
    'KILL_CLIENT allowed to every console user, not only admin_users',
  ),
  pgbouncer(
    'CVE-2025-12819',
    '1.25.1',
    '2025-12-03',
    'SQL during authentication through search_path (with track_extra_parameters and auth_user)',
  ),
  pgbouncer('CVE-2025-2291', '1.24.1', '2025-04-16', "auth_query ignored a password's VALID UNTIL"),
  ...(
    [
      ['CVE-2024-31449', 'Lua bit library stack overflow'],
      ['CVE-2024-31227', 'malformed ACL selector crashes the server'],
      ['CVE-2024-31228', 'unbounded pattern matching (KEYS, SCAN, ACL patterns) exhausts the server'],
    ] as const
  ).flatMap(([id, summary]) => [
    {
      product: 'redis',
      id,
      fixedIn: ['7.2.6', '7.4.1'],
      published: '2024-10-02',
      summary,
      source: REDIS_2024,
    },
    {
      product: 'valkey',
      id,
      fixedIn: ['7.2.7', '8.0.1'],
      published: '2024-10-02',
      summary,
      source: `${VALKEY} 7.2.7, 8.0.1`,
    },
  ]),
  ...(
    [
      ['CVE-2025-49844', 'a Lua script may lead to remote code execution'],
      ['CVE-2025-46817', 'a Lua script may lead to integer overflow and potential RCE'],
      ['CVE-2025-46818', 'a Lua script can be executed in the context of another user'],
      ['CVE-2025-46819', 'Lua out-of-bound read'],
    ] as const
  ).flatMap(([id, summary]) => [
    {
      product: 'redis',
      id,
      fixedIn: ['7.2.11', '7.4.6', '8.0.4', '8.2.2'],
      published: '2025-10-03',
      summary,
      source: REDIS_LUA,
    },
    {
      product: 'valkey',
      id,
      fixedIn: ['8.0.6', '8.1.4'],
      published: '2025-10-03',
      summary,
      source: `${VALKEY} 8.1.4; openSUSE valkey.changes 8.0.6`,
    },
  ]),
  ...(
    [
      ['CVE-2026-56684', 'use-after-free in TLS connection handling (CLIENT KILL), remote code execution'],
      ['CVE-2026-63639', 'corrupt stream RDB with a shared NACK, remote code execution'],
    ] as const
  ).map(([id, summary]) => ({
    product: 'valkey',
    id,
    fixedIn: ['8.0.10', '8.1.9', '9.0.5', '9.1.1'],
    published: '2026-07-21',
    summary,
    source: `${VALKEY} 8.0.10, 8.1.9, 9.0.5, 9.1.1`,
  })),
  {
    product: 'valkey',
    id: 'GHSA-jcj7-v34w-v9vv',
    fixedIn: ['8.0.11', '8.1.10'],
    published: '2026-08-31',
    summary: 'use-after-free in RDMA connection handling (builds with USE_RDMA only)',
    source: `${VALKEY} 8.0.11, 8.1.10`,
  },
  {
    product: 'valkey',
    id: 'GHSA-f4q9-j22m-xqq9',
    fixedIn: ['8.1.11'],
    published: '2026-10-26',
    summary: 'heap buffer overflow in cluster Pub/Sub message construction',
    source: `${VALKEY} 8.1.11`,
  },
  {
    product: 'rclone',
    id: 'CVE-2026-41179',
    fixedIn: ['1.73.5'],
    published: '2026-04-19',
    summary:
      'unauthenticated operations/fsinfo of the rc server instantiates backends and runs local commands',
    source: `${RCLONE} GHSA-jfwf-28xr-xw6q; rclone changelog v1.73.5`,
  },
  {
    product: 'rclone',
    id: 'CVE-2026-71310',
    fixedIn: ['1.75.0'],
    published: '2026-08-26',
    summary: 'unbounded HTTP CONNECT response headers exhaust memory',
    source: `${RCLONE} GHSA-xhf4-832v-7xcr (GO-2026-6199)`,
  },
];

const line = (version: string) => version.split('.').slice(0, 2).join('.');

/** Whether `version` (`x.y.z`) carries the advisory's vulnerability. */
export function isAffected(advisory: ImageAdvisory, version: string): boolean {
  const ownLine = advisory.fixedIn.find((f) => line(f) === line(version));
  if (ownLine) return !atLeast(version, ownLine);
  return advisory.fixedIn.some((f) => !atLeast(version, f));
}

/** Advisories of `product` that affect `version`, every one counted whatever the configuration. */
export function advisoriesAffecting(product: string, version: string): ImageAdvisory[] {
  return imageAdvisories.filter((a) => a.product === product && isAffected(a, version));
}

/** The product and `x.y.z` version of an image reference (`…/valkey:8.1.11-alpine@sha256:…`), as far as known. */
export function imageRelease(image: string): { product?: string; version?: string } {
  const tag = /:([^/:]*)$/.exec(image.split('@')[0])?.[1] ?? '';
  const version = /^v?(\d+\.\d+\.\d+)/.exec(tag)?.[1];
  return {
    product: IMAGE_PRODUCTS[canonicalRepository(image)],
    version: version && parseVersion(version) ? version : undefined,
  };
}
