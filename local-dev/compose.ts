/**
 * local/compose.yaml: PostgreSQL 15 (bootstrapped like RDS by a one-shot service), PgBouncer with the chart's
 * pgbouncer.ini, Redis with the chart's redis.conf and ACL users, and an S3-compatible store with its bucket created
 * by a one-shot service.
 *
 * Every published port is bound to 127.0.0.1; data lives in named volumes; nothing runs privileged; every
 * long-running service has a health check, and PgBouncer starts last, after both one-shots completed: Compose counts
 * a one-shot as done only when a running service waits for it, so `docker compose up --wait` returns once the whole
 * platform is ready (docker/compose#9572).
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import {
  PGBOUNCER_AUTH_DIR,
  PGBOUNCER_CONFIG_DIR,
  PGBOUNCER_CONTAINER_PORT,
} from '../charts/pgbouncer/ini-options';
import {
  REDIS_ACL_FILE,
  REDIS_CONFIG_DIR,
  REDIS_DATA_DIR,
  REDIS_DEFAULT_PORT,
  REDIS_MONITORING_USER,
  cliBinary,
  serverBinary,
} from '../charts/redis/config';
import type { AccessPlan } from '../environments/access-plan';
import type { ContainerImage, LocalConfig } from '../environments/parts/local';
import { CREDENTIAL } from './credentials';
import { OBJECT_STORE_CONTAINER_PORT, OBJECT_STORE_HEALTH_PATH } from './object-store';
import { postgresCommand, SUPERUSER } from './postgres';

export type ComposeService = Readonly<Record<string, unknown>>;

export interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
  readonly volumes: Readonly<Record<string, object>>;
  readonly secrets: Readonly<Record<string, { readonly file: string }>>;
}

/** Where Compose mounts secrets in a container. */
export const CONTAINER_SECRETS_DIR = '/run/secrets';
const POSTGRES_PORT = 5432;
const SOCKET_DIR = '/var/run/postgresql';

const imageOf = (i: ContainerImage) => `${i.repository}:${i.tag}${i.digest ? `@${i.digest}` : ''}`;
const loopback = (host: number, container: number) => `127.0.0.1:${host}:${container}`;
const health = (test: string[], form: 'CMD' | 'CMD-SHELL' = 'CMD') => ({
  test: [form, ...test],
  interval: '2s',
  timeout: '5s',
  retries: 30,
  start_period: '30s',
});
const hardened = { security_opt: ['no-new-privileges:true'] };
const oneShot = { ...hardened, cap_drop: ['ALL'], restart: 'no' };

function postgres(local: LocalConfig): ComposeService {
  const db = local.basedOn.database;
  return {
    image: imageOf(local.postgresImage),
    command: postgresCommand(db),
    environment: {
      POSTGRES_USER: SUPERUSER,
      POSTGRES_PASSWORD_FILE: `${CONTAINER_SECRETS_DIR}/${CREDENTIAL.superuserPassword}`,
      POSTGRES_DB: db.databaseName,
      // Passwords over TCP (SCRAM, as on RDS); the socket, used only by the bootstrap inside the network, is trusted.
      POSTGRES_INITDB_ARGS: '--auth-host=scram-sha-256 --auth-local=trust',
    },
    secrets: [CREDENTIAL.superuserPassword],
    ports: [loopback(local.ports.postgres, POSTGRES_PORT)],
    volumes: ['postgres-data:/var/lib/postgresql/data', `postgres-socket:${SOCKET_DIR}`],
    // Over TCP: during the image's first-start initialisation the server listens on the socket only.
    healthcheck: health([
      'pg_isready',
      '-h',
      '127.0.0.1',
      '-p',
      String(POSTGRES_PORT),
      '-d',
      db.databaseName,
    ]),
    restart: 'unless-stopped',
    ...hardened,
  };
}

function postgresBootstrap(local: LocalConfig, plan: AccessPlan): ComposeService {
  const logins = plan.roles.filter((r) => r.login).map((r) => CREDENTIAL.rolePassword(r.name));
  return {
    image: imageOf(local.postgresImage),
    entrypoint: ['/bin/sh', '/bootstrap/bootstrap.sh'],
    environment: { PGHOST: SOCKET_DIR },
    secrets: [CREDENTIAL.superuserPassword, CREDENTIAL.masterPassword, ...logins],
    volumes: ['./postgres:/bootstrap:ro', `postgres-socket:${SOCKET_DIR}`],
    depends_on: { postgres: { condition: 'service_healthy' } },
    ...oneShot,
  };
}

/** @param configHash changes whenever pgbouncer.ini or the userlist does, so `up` recreates the container to load them */
function pgbouncer(local: LocalConfig, configHash: string): ComposeService {
  const pg = local.basedOn.cluster.pgbouncer;
  return {
    image: imageOf(pg.image),
    labels: { 'lightwave.media/config-sha256': configHash },
    volumes: [
      `./pgbouncer/pgbouncer.ini:${PGBOUNCER_CONFIG_DIR}/pgbouncer.ini:ro`,
      `./secrets/pgbouncer-userlist.txt:${PGBOUNCER_AUTH_DIR}/userlist.txt:ro`,
    ],
    ports: [loopback(local.ports.pgbouncer, PGBOUNCER_CONTAINER_PORT)],
    depends_on: {
      'postgres-bootstrap': { condition: 'service_completed_successfully' },
      'object-store-init': { condition: 'service_completed_successfully' },
    },
    healthcheck: health([
      'pg_isready',
      '-h',
      '127.0.0.1',
      '-p',
      String(PGBOUNCER_CONTAINER_PORT),
      '-d',
      local.basedOn.database.databaseName,
    ]),
    restart: 'unless-stopped',
    read_only: true, // as in the chart: it writes nothing (no socket, pid file or log file)
    cap_drop: ['ALL'],
    ...hardened,
  };
}

/** @param configHash changes whenever redis.conf or the ACL file does, so `up` recreates the container to load them */
function redis(local: LocalConfig, configHash: string): ComposeService {
  const config = local.basedOn.cluster.redis;
  const monitoringPassword = CREDENTIAL.redisPassword(REDIS_MONITORING_USER);
  return {
    image: imageOf(config.image),
    labels: { 'lightwave.media/config-sha256': configHash },
    // As in the chart: the image's entrypoint, redis.conf as the argument, an unprivileged user (no gosu, no chown).
    command: [serverBinary(config.server), `${REDIS_CONFIG_DIR}/redis.conf`],
    user: `${config.runAsUser}:${config.runAsUser}`,
    volumes: [
      `./redis/redis.conf:${REDIS_CONFIG_DIR}/redis.conf:ro`,
      `./secrets/redis-users.acl:${REDIS_ACL_FILE}:ro`,
    ],
    // A cache: nothing persists; Redis only changes into its working directory.
    tmpfs: [`${REDIS_DATA_DIR}:size=16m`],
    secrets: [monitoringPassword],
    ports: [loopback(local.ports.redis, REDIS_DEFAULT_PORT)],
    // As the monitoring user: the default user is off, so an unauthenticated PING proves nothing.
    healthcheck: health(
      [
        `${cliBinary(config.server)} --no-auth-warning --user ${REDIS_MONITORING_USER} --pass "$$(cat ${CONTAINER_SECRETS_DIR}/${monitoringPassword})" ping | grep -q PONG`,
      ],
      'CMD-SHELL',
    ),
    restart: 'unless-stopped',
    read_only: true,
    cap_drop: ['ALL'],
    ...hardened,
  };
}

function objectStore(local: LocalConfig): ComposeService {
  return {
    image: imageOf(local.objectStore.image),
    command: ['posix', '/data'],
    environment: {
      VGW_PORT: `:${OBJECT_STORE_CONTAINER_PORT}`,
      VGW_REGION: local.objectStore.region,
      VGW_HEALTH: OBJECT_STORE_HEALTH_PATH,
    },
    env_file: ['./secrets/object-store.env'],
    volumes: ['object-store-data:/data'],
    ports: [loopback(local.ports.objectStore, OBJECT_STORE_CONTAINER_PORT)],
    healthcheck: health([
      'wget',
      '-q',
      '-O',
      '/dev/null',
      `http://127.0.0.1:${OBJECT_STORE_CONTAINER_PORT}${OBJECT_STORE_HEALTH_PATH}`,
    ]),
    restart: 'unless-stopped',
    ...hardened,
  };
}

function objectStoreInit(local: LocalConfig): ComposeService {
  return {
    image: imageOf(local.objectStore.initImage),
    entrypoint: ['/bin/sh', '/init/create-bucket.sh'],
    environment: {
      AWS_ENDPOINT_URL: `http://object-store:${OBJECT_STORE_CONTAINER_PORT}`,
      AWS_REGION: local.objectStore.region,
      AWS_SHARED_CREDENTIALS_FILE: `${CONTAINER_SECRETS_DIR}/object_store_aws_credentials`,
      // Path-style addressing: the bucket name is no DNS name on the compose network.
      AWS_CONFIG_FILE: '/init/aws-config',
      // Checksums only where the API requires them (third-party S3 servers differ on the newer ones).
      AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    secrets: ['object_store_aws_credentials'],
    volumes: ['./object-store:/init:ro'],
    depends_on: { 'object-store': { condition: 'service_healthy' } },
    ...oneShot,
  };
}

/** Every secret a service lists, as a file under local/secrets. */
function secretFiles(services: Readonly<Record<string, ComposeService>>): ComposeFile['secrets'] {
  const names = Object.values(services).flatMap((s) => (s.secrets as string[] | undefined) ?? []);
  return Object.fromEntries([...new Set(names)].sort().map((n) => [n, { file: `./secrets/${n}` }]));
}

const hashOf = (files: readonly string[]) => createHash('sha256').update(files.join('\0')).digest('hex');

/** @param configFiles the files each server loads at start, whose hash labels its container */
export function composeFile(
  local: LocalConfig,
  plan: AccessPlan,
  configFiles: { readonly pgbouncer: readonly string[]; readonly redis: readonly string[] },
): ComposeFile {
  const services = {
    postgres: postgres(local),
    'postgres-bootstrap': postgresBootstrap(local, plan),
    pgbouncer: pgbouncer(local, hashOf(configFiles.pgbouncer)),
    redis: redis(local, hashOf(configFiles.redis)),
    'object-store': objectStore(local),
    'object-store-init': objectStoreInit(local),
  };
  return {
    services,
    volumes: { 'postgres-data': {}, 'postgres-socket': {}, 'object-store-data': {} },
    secrets: secretFiles(services),
  };
}

export function renderCompose(local: LocalConfig, file: ComposeFile): string {
  return [
    `# ${local.basedOn.name}'s platform on this laptop, generated by \`npm run local\` (local-dev/compose.ts); do not edit.`,
    `# Start: docker compose -f local/compose.yaml up -d --wait   (project ${local.projectName}, from local/.env)`,
    // YAML 1.1 quoting: docker-compose 1.x reads 1.1, where a bare no is false. No anchors: each service reads alone.
    stringify(file, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' }),
  ].join('\n');
}
