// Drives the demo service's outbound routes (fixtures/demo-service/src/routes/shipping.js and
// catalog.js) through its own router, with stand-in req/res objects, as its HTTP server would call
// them. server.js is not imported: it listens on a port and loads the routes that need a database.
// Shared by scripts/bench/fix-buys.mjs (which times each request) and scripts/trace-demo.mjs
// (which runs it under `reuse-clients trace`); both import it in a child process, from a copy of
// the demo's sources.

/** The demo's outbound calls: every route of it that calls an upstream through a per-call agent. */
export const DEMO_REQUESTS = [
  { method: 'GET', url: '/shipping/rates?zip=10115' }, // https.Agent per request
  { method: 'POST', url: '/shipping/labels/o-1' }, // agent factory called per request
  { method: 'GET', url: '/shipping/stock/sku-1' }, // agent: false
  { method: 'GET', url: '/shipping/zones' }, // axios with an inline httpsAgent
  { method: 'GET', url: '/catalog/items/sku-1' }, // undici fetch with an inline dispatcher
];

/** One request through `app.handle`; resolves with the body, rejects on a status of 400 or more. */
function handle(app, { method, url }) {
  return new Promise((resolve, reject) => {
    let status = 200;
    const res = {
      writeHead(code) {
        status = code;
        return res;
      },
      end(body) {
        if (status < 400) resolve(body);
        else reject(new Error(`${method} ${url} answered ${status}: ${body}`));
      },
    };
    app.handle({ method, url, headers: {} }, res).catch(reject);
  });
}

/**
 * Registers the routes of the demo copy at `srcUrl` (the file URL of its src folder) on its router
 * and sends `rounds` rounds of `requests`, one at a time. Returns each request's time in ms.
 */
export async function driveDemo({ srcUrl, rounds, requests = DEMO_REQUESTS }) {
  const src = srcUrl.endsWith('/') ? srcUrl : `${srcUrl}/`;
  const { app } = await import(new URL('app.js', src).href);
  await import(new URL('routes/shipping.js', src).href);
  await import(new URL('routes/catalog.js', src).href);
  const timings = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const request of requests) {
      const start = performance.now();
      await handle(app, request);
      timings.push(performance.now() - start);
    }
  }
  return timings;
}
