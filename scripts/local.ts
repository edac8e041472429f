/**
 * `npm run local [-- --rotate]`: writes local/ (git-ignored) with the platform for this laptop: compose.yaml,
 * PostgreSQL's bootstrap, PgBouncer's and Redis's config, the object store's init, the applications' .env files
 * (the application contract's variables) and .env.services.json, from
 * environments/local.ts and the environment it mirrors. Credentials are generated once into local/secrets and kept;
 * `--rotate` replaces them all (the next `docker compose up` applies them).
 */
import { createConnection } from 'node:net';
import { resolve } from 'node:path';
import { local } from '../environments/local';
import { generateLocal } from '../local-dev/generate';

/** True when something accepts connections on 127.0.0.1:`port` (within a second). */
function inUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port, timeout: 1000 });
    const finish = (used: boolean) => {
      socket.destroy();
      done(used);
    };
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    socket.once('timeout', () => finish(false));
  });
}

async function main(): Promise<void> {
  const rotate = process.argv.includes('--rotate');
  const dir = resolve(__dirname, '..', '..', 'local'); // dist/scripts → repository root
  const { files, credentials, generated } = generateLocal(local, dir, { rotate });
  const env = local.basedOn;

  console.log(`local/: ${files.length} files for ${env.name}'s platform (${dir})`);
  console.log(
    generated.length === credentials.size
      ? `credentials: all ${credentials.size} generated${rotate ? ' (rotated)' : ''}`
      : `credentials: ${credentials.size - generated.length} kept, ${generated.length} generated` +
          (generated.length ? ` (${generated.join(', ')})` : ''),
  );
  if (rotate) {
    console.log(
      'a running platform takes the new credentials at the next `up` (the bootstrap sets the passwords, PgBouncer ' +
        'and the object store are recreated); restart the applications so they read the new .env files',
    );
  }
  for (const [service, port] of Object.entries(local.ports)) {
    if (await inUse(port)) {
      console.log(
        `note: 127.0.0.1:${port} (ports.${service}) is in use: fine if this platform is already up; otherwise ` +
          `change ports.${service} in environments/local.ts`,
      );
    }
  }
  console.log('\nnext: docker compose -f local/compose.yaml up -d --wait');
  console.log(
    'then: Payload reads local/env/payload.env, Django local/env/django.env; local/.env.services.json lists ' +
      'their variables (docs/develop-locally.md)',
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
