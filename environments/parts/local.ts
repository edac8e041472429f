/**
 * Configuration of the local development setup (`npm run local`): the platform on a developer's laptop, in Docker
 * Compose, reproducing one cloud environment's access model, PgBouncer and application variables.
 *
 * It is not an environment: it has no stack, no state and no account. It names the environment it mirrors and adds
 * only what exists on a laptop alone: ports on 127.0.0.1, container images, the stand-in for R2.
 */
import type { AppKey } from '../../contract/variables';
import type { EnvironmentConfig } from '../config';

/** A container image pinned to an exact tag (never `latest`), optionally by digest too. */
export interface ContainerImage {
  /** Registry and repository, e.g. `postgres` or `ghcr.io/icoretech/pgbouncer-docker`. */
  readonly repository: string;
  readonly tag: string;
  /** `sha256:<64 hex>`. @default - none: pinned by tag only */
  readonly digest?: string;
}

/** Ports published on 127.0.0.1 (never on other interfaces). */
export interface LocalPorts {
  /** PgBouncer: where the applications connect, as they connect to PgBouncer's Service in the cluster. */
  readonly pgbouncer: number;
  /** PostgreSQL itself: psql as the master user, tools that must bypass the pooler. */
  readonly postgres: number;
  /** The S3-compatible store standing in for R2: its API and the public media URLs. */
  readonly objectStore: number;
  /** The Redis cache, with the cluster's redis.conf and ACL users. */
  readonly redis: number;
}

export interface LocalObjectStoreConfig {
  /** The S3 server: versitygw over a directory in a named volume. */
  readonly image: ContainerImage;
  /** The one-shot client creating the bucket and its public-read policy (the AWS CLI). */
  readonly initImage: ContainerImage;
  /** Bucket standing in for the environment's R2 bucket; never the name of a real one. */
  readonly bucket: string;
  /** Region clients sign requests for: `auto`, as R2 wants it. */
  readonly region: string;
}

export interface LocalConfig {
  /** The environment whose access model, PgBouncer settings and application variables run locally. */
  readonly basedOn: EnvironmentConfig;
  /** Docker Compose project name: prefixes the containers, the network and the named volumes. */
  readonly projectName: string;
  readonly ports: LocalPorts;
  /** The PostgreSQL server image; its major version must be the environment's `database.engineVersion`. */
  readonly postgresImage: ContainerImage;
  readonly objectStore: LocalObjectStoreConfig;
  /**
   * Values of the application contract's `config` variables (each product's contract) that differ on a laptop, by
   * application and variable name; the others keep the environment's `products.<key>.settings`.
   */
  readonly settings: Readonly<Record<AppKey, Readonly<Record<string, string>>>>;
}
