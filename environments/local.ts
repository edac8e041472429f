/**
 * The local development setup: dev's access model, PgBouncer and application variables on a laptop
 * (`npm run local`, docs/develop-locally.md). Not registered in index.ts: it is not a stack.
 */
import { dev } from './dev';
import type { LocalConfig } from './parts/local';

export const local: LocalConfig = {
  basedOn: dev,
  projectName: 'lightwave-local',
  ports: {
    pgbouncer: 6432, // PgBouncer's own default; the applications' .env files point here
    postgres: 5433, // not 5432: a PostgreSQL installed on the laptop usually holds it
    objectStore: 7070, // versitygw's default
    redis: 6380, // not 6379: a Redis installed on the laptop usually holds it
  },
  // PostgreSQL 15 like RDS (dev's engineVersion '15'); the Alpine variant of the official image.
  postgresImage: { repository: 'postgres', tag: '15.17-alpine3.23' },
  objectStore: {
    // MinIO's images are gone from Docker Hub (removed September 2026); versitygw is a small S3 gateway over a
    // directory, maintained, with bucket policies for the public media URLs.
    image: { repository: 'versity/versitygw', tag: 'v1.7.0' },
    initImage: { repository: 'amazon/aws-cli', tag: '2.31.9' },
    bucket: 'lightwave-media-local',
    region: 'auto',
  },
  settings: {
    // Payload's dev server (`next dev` on cluster.apps.payload.httpPort), not the CMS domain.
    payload: { NEXT_PUBLIC_SERVER_URL: `http://localhost:${dev.cluster.apps.payload.httpPort}` },
    django: {},
  },
};
