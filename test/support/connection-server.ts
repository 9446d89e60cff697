// A loopback HTTP server that counts what a client costs it: how many TCP connections (distinct
// sockets) were opened and how many requests came over them. Every answer is a small JSON body
// carrying the request's number and path, so a program's results can be compared before and after
// a change without depending on which socket carried which request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountedResponse {
  /** 1-based number of the request, in the order the server received them. */
  request: number;
  path: string;
}

export interface ConnectionServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** TCP connections accepted so far. */
  readonly connections: number;
  readonly requests: number;
  /** Stops listening and destroys every socket, idle keep-alive ones included. */
  close(): Promise<void>;
}

/** Node's own default; named here because the counts depend on idle sockets outliving a run. */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

export async function startConnectionServer(): Promise<ConnectionServer> {
  let connections = 0;
  let requests = 0;

  const server = http.createServer((req, res) => {
    requests += 1;
    const body = JSON.stringify({ request: requests, path: req.url ?? '/' } satisfies CountedResponse);
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on('connection', () => {
    connections += 1;
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    get requests() {
      return requests;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // After close(): idle keep-alive sockets would otherwise hold the server open until they time out.
        server.closeAllConnections();
      });
    },
  };
}
