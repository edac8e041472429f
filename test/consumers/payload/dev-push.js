// payload.config.js as it would run without `push: false`, in dev mode (NODE_ENV unset, as under `next dev`): the
// postgres adapter pushes the schema over DATABASE_URI and marks the database dev-pushed (a payload_migrations row
// of batch -1). Only the adapter's `push` differs from the paste-in.
import { getPayload } from 'payload';
import pasteIn from './payload.config.js';

const config = await pasteIn;
const init = config.db.init;
await getPayload({
  config: { ...config, db: { ...config.db, init: (args) => Object.assign(init(args), { push: undefined }) } },
});
console.log('connected in dev mode');
process.exit(0);
