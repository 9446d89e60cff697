// The request-heavy loop the tracer's overhead is measured on (trace-overhead.mjs): `requests`
// sequential GETs to `url`, through one shared keep-alive agent (`shared`, healthy code: the
// tracer only sees requests) or through a new agent per request (`per-call`, the bug: the tracer
// also records a construction and a connection per request). Prints the loop's own wall and CPU
// time in ms (CPU time is less at the mercy of other work on a shared machine).
//
//   node trace-loop.mjs <url> <requests> <shared|per-call>
import http from 'node:http';

const [url, requests, mode] = process.argv.slice(2);
const shared = new http.Agent({ keepAlive: true });

function get(agent) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on('end', resolve).on('error', reject);
      })
      .on('error', reject);
  });
}

const started = performance.now();
const cpuStart = process.cpuUsage();
for (let i = 0; i < Number(requests); i += 1) {
  const agent = mode === 'shared' ? shared : new http.Agent({ keepAlive: true });
  await get(agent);
  if (agent !== shared) agent.destroy();
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
shared.destroy();
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
