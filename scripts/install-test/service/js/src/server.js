// A small service for the install test. `// expect: <rule>` marks the line a rule must report.
import https from 'node:https';
import { Pool } from 'pg';
import express from 'express';

const app = express();
const db = new Pool({ max: 10 });

app.get('/orders/:id', async (req, res) => {
  const agent = new https.Agent({ keepAlive: true }); // expect: reuse-clients/no-per-call-agent
  https.get(`https://api.example.com/orders/${req.params.id}`, { agent }, (upstream) => upstream.pipe(res));
});

app.get('/customers/:id', async (req, res) => {
  const { rows } = await db.query('select * from customers where id = $1', [req.params.id]);
  res.json(rows[0]);
});

app.listen(3000);
