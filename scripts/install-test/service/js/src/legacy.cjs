// CommonJS code of the same service.
const { Pool } = require('pg');

exports.handler = async function handler(event) {
  const pool = new Pool(); // expect: reuse-clients/no-per-call-client
  const { rows } = await pool.query('select 1 where $1::text is not null', [event.id]);
  await pool.end();
  return rows;
};
