// A block guarded by a check on long-lived storage that it sets runs once, whatever the
// construction inside becomes: the connect-once promise of a lazily connected client
// (`if (!p) { const c = createClient(); p = c.connect().then(() => c); }`), or an early return of
// the stored value followed by its initialisation. Written from how Next.js and NestJS services look.
import { RuleTester } from '@typescript-eslint/rule-tester';
import clientRule from '../../src/rules/no-per-call-client.js';
import { commonjs, testable } from './testers.js';

const ruleTester = new RuleTester();

ruleTester.run('no-per-call-client: guarded initialisation of long-lived storage', testable(clientRule), {
  valid: [
    {
      name: 'a cached connection promise, dropped after a failed connect',
      code: `import { createClient } from 'redis';
type Client = ReturnType<typeof createClient>;
let connecting: Promise<Client> | undefined;
const getClient = (): Promise<Client> => {
  if (!connecting) {
    const client = createClient({ url: process.env.REDIS_URL });
    client.on('error', (error) => console.error(error));
    connecting = client.connect().then(() => client).catch((error) => { connecting = undefined; throw error; });
  }
  return connecting;
};
export const store = {
  get: async (key: string) => (await getClient()).get(key),
  set: async (key: string, value: string) => { await (await getClient()).set(key, value); },
};`,
    },
    {
      name: 'early return of the stored value, then its initialisation (CommonJS)',
      code: `const { MongoClient } = require('mongodb');
let db;
async function getDb() {
  if (db) return db;
  const client = new MongoClient(process.env.MONGO_URL);
  await client.connect();
  db = client.db('app');
  return db;
}
module.exports = { getDb };`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      name: 'a guard on a local of the call is no guard at all',
      code: `import { createClient } from 'redis';
export async function handler(event: { key: string }) {
  let client: ReturnType<typeof createClient> | undefined;
  if (!client) {
    const fresh = createClient({ url: process.env.REDIS_URL });
    client = fresh;
  }
  return client.get(event.key);
}`,
      errors: [{ messageId: 'perCall', line: 5 }],
    },
    {
      name: 'a guard on other storage does not make the block run once',
      code: `import { createClient } from 'redis';
let ready = false;
let last: unknown;
export async function handler(event: { key: string }) {
  if (!ready) return null;
  const client = createClient({ url: process.env.REDIS_URL });
  last = await client.get(event.key);
  return last;
}`,
      errors: [{ messageId: 'perCall', line: 6 }],
    },
  ],
});
