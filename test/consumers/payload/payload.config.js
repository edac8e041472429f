// A Payload 3 application as an app team writes it: the paste-in of docs/application-contract.md, minus the
// S3 plugin and the cache, which this test does not exercise. Test-only: MIGRATIONS_DIR, where migrate:create
// writes, and the collections (collections.js).
import { postgresAdapter } from '@payloadcms/db-postgres';
import { buildConfig } from 'payload';
import { collections } from './collections.js';

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET,
  serverURL: process.env.NEXT_PUBLIC_SERVER_URL,
  db: postgresAdapter({
    pool: {
      connectionString: process.env.DATABASE_URI,
      maxLifetimeSeconds: Number(process.env.DATABASE_MAX_LIFETIME_SECONDS),
    },
    schemaName: 'payload',
    // Never push the schema in dev mode: it marks the database dev-pushed and `payload migrate` then hangs on an
    // interactive data-loss prompt. Migrations own the schema.
    push: false,
    migrationDir: process.env.MIGRATIONS_DIR,
  }),
  collections,
  telemetry: false,
  // No payload-types.ts written into the folder: the test needs no types.
  typescript: { autoGenerate: false },
});
