/**
 * The servers the tests run, at the versions the platform ships, and the pinned sources they are built from. One
 * table that the harness (server-binary.ts), the workflows (scripts/build-server.sh calls, compared by
 * test/server-sources.test.ts) and docs/testing-servers.md follow.
 *
 * Which version: the environment config (cluster.pgbouncer.version, cluster.redis.version); which product serves the
 * cache: the last segment of cluster.redis.image.repository (`redis` or `valkey`). A version the config names with
 * no row here fails the coverage test, so a version bump comes with its checksum.
 */
import type { EnvironmentConfig } from '../../environments/config';

/** What a server is called and how to recognise an installed one. */
export interface ServerProduct {
  /** Executable name, also the name scripts/build-server.sh installs under `<prefix>/bin/`. */
  readonly binary: string;
  readonly label: string;
  /** Arguments that print the version, and where the version is in that output. */
  readonly versionArgs: readonly string[];
  readonly versionPattern: RegExp;
  /** Where the distribution installs it outside PATH (Debian's /usr/sbin is not on every user's PATH). */
  readonly distroPaths: readonly string[];
  /** Distribution packages the source build needs (Debian names), for the message that says what to install. */
  readonly buildNeeds: readonly string[];
}

export type ProductName = 'pgbouncer' | 'redis' | 'valkey';

export const PRODUCTS: Readonly<Record<ProductName, ServerProduct>> = {
  pgbouncer: {
    binary: 'pgbouncer',
    label: 'PgBouncer',
    versionArgs: ['-V'],
    versionPattern: /PgBouncer (\d+\.\d+\.\d+)/,
    distroPaths: ['/usr/sbin/pgbouncer'],
    buildNeeds: ['curl', 'gcc', 'make', 'pkg-config', 'libevent-dev', 'libssl-dev'],
  },
  redis: {
    binary: 'redis-server',
    label: 'Redis',
    versionArgs: ['--version'],
    versionPattern: /v=(\d+\.\d+\.\d+)/,
    distroPaths: ['/usr/bin/redis-server'],
    buildNeeds: ['curl', 'gcc', 'make'],
  },
  valkey: {
    binary: 'valkey-server',
    label: 'Valkey',
    versionArgs: ['--version'],
    versionPattern: /v=(\d+\.\d+\.\d+)/,
    distroPaths: ['/usr/bin/valkey-server'],
    buildNeeds: ['curl', 'gcc', 'make'],
  },
};

/** A source tarball accepted for one version: its file name in a local cache, its checksum, and where both are from. */
export interface SourceTarball {
  readonly file: string;
  /** The official release URL; only these are downloaded. @default - none: accepted from a local cache only */
  readonly url?: string;
  /** 64 hex digits, or undefined when no citable checksum was found (the download then refuses, saying why). */
  readonly sha256?: string;
  /** Where the checksum was read (or why there is none). */
  readonly citation: string;
}

export const SOURCES: Readonly<Record<ProductName, Readonly<Record<string, readonly SourceTarball[]>>>> = {
  pgbouncer: {
    '1.25.2': [
      {
        file: 'pgbouncer-1.25.2.tar.gz',
        url: 'https://www.pgbouncer.org/downloads/files/1.25.2/pgbouncer-1.25.2.tar.gz',
        sha256: '924ad35113fd0a71c8e2dbe85b5d03445532e2b7b37a9f8a48983beea238b332',
        citation: 'Homebrew homebrew-core Formula/p/pgbouncer.rb (pgbouncer 1.25.2)',
      },
      {
        // The workspace's vendored copy: the git tag with an autogen'd configure, so not the release tarball's bytes.
        file: 'pgbouncer-1.25.2-src.tar.gz',
        sha256: '0c24c9b71c3bc5b9e03f890374052a1d1134a17136c0c9eb422fb83482422d43',
        citation: '../shared/vendor/README.md (tag pgbouncer_1_25_2, configure from ./autogen.sh)',
      },
    ],
  },
  redis: {
    '7.0.15': [
      {
        file: 'redis-7.0.15.tar.gz',
        url: 'https://download.redis.io/releases/redis-7.0.15.tar.gz',
        sha256: '98066f5363504b26c34dd20fbcc3c957990d764cdf42576c836fc021073f4341',
        citation: 'github.com/redis/redis-hashes README @1dc01150',
      },
    ],
  },
  valkey: {
    '8.1.11': [
      {
        file: 'valkey-8.1.11.tar.gz',
        url: 'https://github.com/valkey-io/valkey/archive/refs/tags/8.1.11.tar.gz',
        citation:
          'none yet: github.com/valkey-io/valkey-hashes README (newest stored commit 865f433) ends before 8.1.11; record the `hash valkey-8.1.11.tar.gz sha256` line once it is there',
      },
    ],
  },
};

/** A server an environment runs, as the tests must run it. */
export interface ShippedServer {
  /** The config block it comes from (what LIGHTWAVE_ALLOW_FALLBACK names). */
  readonly role: 'pgbouncer' | 'redis';
  readonly product: ProductName;
  readonly version: string;
  /** The config field the version is read from, for messages. */
  readonly field: string;
}

function cacheProduct(repository: string): ProductName {
  const name = repository.split('/').pop() ?? repository;
  if (name === 'redis' || name === 'valkey') return name;
  throw new Error(`cluster.redis.image.repository ${repository}: no test server is known for image ${name}`);
}

/** The servers `env` ships, read from its config. */
export function shippedServers(env: EnvironmentConfig): ShippedServer[] {
  return [
    {
      role: 'pgbouncer',
      product: 'pgbouncer',
      version: env.cluster.pgbouncer.version,
      field: 'cluster.pgbouncer.version',
    },
    {
      role: 'redis',
      product: cacheProduct(env.cluster.redis.image.repository),
      version: env.cluster.redis.version,
      field: 'cluster.redis.version',
    },
  ];
}

/** Every distinct server of the given environments (the registry in practice), in a stable order. */
export function distinctShippedServers(envs: readonly EnvironmentConfig[]): ShippedServer[] {
  const byKey = new Map<string, ShippedServer>();
  for (const server of envs.flatMap(shippedServers)) byKey.set(`${server.product}@${server.version}`, server);
  return [...byKey.values()].sort((a, b) =>
    `${a.product}@${a.version}`.localeCompare(`${b.product}@${b.version}`),
  );
}

/** The tarballs accepted for a product's version (empty when the table has no row). */
export function sourcesOf(product: ProductName, version: string): readonly SourceTarball[] {
  return SOURCES[product][version] ?? [];
}

/** The official release tarball of a version, the one a download fetches. */
export function releaseTarball(product: ProductName, version: string): SourceTarball | undefined {
  return sourcesOf(product, version).find((s) => s.url !== undefined);
}
