// A file that runs as a program (a sample, a CLI, a one-off script) calls its entry point once per
// process, even when it also exports it for its tests. Written from how sample collections and
// CLIs look (CommonJS, ESM, TypeScript); the signals are in core's SCRIPT_ENTRY_SIGNALS table.
import { RuleTester } from '@typescript-eslint/rule-tester';
import clientRule from '../../src/rules/no-per-call-client.js';
import { commonjs, testable } from './testers.js';

const ruleTester = new RuleTester();

ruleTester.run('no-per-call-client: a script entry point runs once', testable(clientRule), {
  valid: [
    {
      name: 'CommonJS sample: main called with process.argv at module scope, also exported',
      code: `async function main(bucket) {
  const { S3Client, ListObjectsV2Command } = require('@aws-sdk/client-s3');
  const s3 = new S3Client({});
  const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  console.log(page.Contents);
}
main(...process.argv.slice(2));
module.exports = main;`,
      languageOptions: commonjs,
    },
    {
      name: 'require.main === module guard',
      code: `const { Pool } = require('pg');
async function migrate(url) {
  const pool = new Pool({ connectionString: url });
  await pool.query('select 1');
  await pool.end();
}
if (require.main === module) migrate(process.env.DATABASE_URL);
module.exports = { migrate };`,
      languageOptions: commonjs,
    },
    {
      name: 'TypeScript CLI with a shebang exporting its main',
      code: `#!/usr/bin/env node
import { S3Client } from '@aws-sdk/client-s3';
export async function main(): Promise<void> {
  const s3 = new S3Client({ region: process.env.AWS_REGION });
  console.log(await s3.config.region());
}
void main();`,
    },
    {
      name: 'ESM script guarded by import.meta.main',
      code: `import { Pool } from 'pg';
export async function seed(url) {
  const pool = new Pool({ connectionString: url });
  await pool.end();
}
if (import.meta.main) await seed(process.env.DATABASE_URL);`,
    },
    {
      name: 'firebase-functions onInit runs once per instance, before the first invocation',
      code: `import { onInit } from 'firebase-functions/v2';
import { onRequest } from 'firebase-functions/v2/https';
import { Pool } from 'pg';
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
onInit(async () => {
  const admin = new Pool({ connectionString: process.env.ADMIN_DATABASE_URL, max: 1 });
  await admin.query('create table if not exists users (id serial primary key)');
  await admin.end();
});
export const users = onRequest(async (req, res) => { res.json((await pool.query('select 1')).rows); });`,
    },
    {
      name: 'oclif command run() runs once per CLI invocation',
      code: `import { Command, Flags } from '@oclif/core';
import { Pool } from 'pg';
export default class Migrate extends Command {
  static flags = { url: Flags.string({ required: true }) };
  async run(): Promise<void> {
    const { flags } = await this.parse(Migrate);
    const pool = new Pool({ connectionString: flags.url });
    await pool.query('select 1');
    await pool.end();
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'without a script signal, an exported function called once here may be called per request elsewhere',
      code: `import { Pool } from 'pg';
export async function countUsers(url) {
  const pool = new Pool({ connectionString: url });
  return (await pool.query('select count(*) from users')).rows[0];
}
countUsers(process.env.DATABASE_URL);`,
      errors: [{ messageId: 'perCall', line: 3 }],
    },
    {
      name: 'a script that also hands its function to a server runs it per request',
      code: `const http = require('node:http');
const { Pool } = require('pg');
const port = Number(process.argv[2] ?? 3000);
function handler(req, res) {
  const pool = new Pool({ database: req.url.slice(1) });
  pool.query('select 1').then(() => res.end('ok'));
}
handler();
http.createServer(handler).listen(port);
module.exports = handler;`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 5 }],
    },
    {
      name: 'process.argv read inside a function is not a script signal',
      code: `import { Pool } from 'pg';
export async function report() {
  const pool = new Pool({ connectionString: process.argv[2] });
  return pool.query('select 1');
}
report();`,
      errors: [{ messageId: 'perCall', line: 3 }],
    },
    {
      name: 'a method named run of a class that extends no CLI framework is not a command',
      code: `import { Pool } from 'pg';
import { Job } from './job';
export class Report extends Job {
  async run(url: string) {
    const pool = new Pool({ connectionString: url });
    return pool.query('select 1');
  }
}`,
      errors: [{ messageId: 'perCall', line: 5 }],
    },
  ],
});
