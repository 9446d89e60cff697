// New connections and requests, by origin, and the user site each connection is counted at.
// Node publishes plain TCP connects on `net.client.socket`, HTTP requests on
// `http.client.request.start`, and undici its connects and requests on `undici:*` channels (all
// present on Node 20.19+). TLS connects have no channel on Node 20, so `tls.connect` is wrapped.
//
// Which site opened a connection, in order: the user-built agent or dispatcher whose method is
// creating it (tracked synchronously around the method), the construction whose async work is
// running (a driver connecting after its constructor returned), else the first user frame on the
// stack (a request with `agent: false` opens its connection right there).
import dc from 'node:diagnostics_channel';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import tls from 'node:tls';

import type { TraceOrigin, TraceSite } from '../report.js';
import { guarded, tables } from './sites.js';
import { userFrame } from './stack.js';
import { builtAt, constructionContext } from './wrap.js';

interface Opener {
  /** The agent or dispatcher whose method is running. */
  owner: object;
  family: string;
  origin?: string;
}

/** Set while an agent's createConnection or a dispatcher's dispatch runs (both synchronous down to the socket). */
let opener: Opener | undefined;
/** undici publishes the origin just before its connector opens the socket, in the same turn. */
let undiciOrigin: string | undefined;

const counted = new WeakSet<object>();
const handshakesWatched = new WeakSet<object>();

export function originOf(protocol: string, host: string | undefined, port: unknown, defaultPort: number): string {
  const name = !host ? 'localhost' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const portNumber = Number(port);
  return `${protocol}//${name}${portNumber && portNumber !== defaultPort ? `:${portNumber}` : ''}`;
}

function siteOfConnection(): TraceSite | undefined {
  const current = opener;
  const built = current ? builtAt.get(current.owner) : undefined;
  if (built) return built;
  const constructing = constructionContext.getStore();
  if (constructing) return constructing;
  const frame = userFrame();
  if (!frame) return undefined;
  // An agent nobody built in user code that closes its connections after each request is the
  // one-time agent of `agent: false` (or a library's non-keep-alive agent).
  const oneTime = current && (current.owner as { keepAlive?: unknown }).keepAlive === false;
  return tables.site(frame, {
    family: current?.family ?? 'net',
    export: 'request',
    kind: 'connection',
    rule: oneTime ? 'require-keep-alive' : null,
  });
}

function countConnection(socket: object, hint: string | undefined): TraceOrigin | undefined {
  if (counted.has(socket)) return undefined;
  counted.add(socket);
  const site = siteOfConnection();
  if (site) site.connections += 1;
  else tables.unattributedConnections += 1;
  const name = hint ?? opener?.origin ?? undiciOrigin;
  if (name) {
    const origin = tables.origin(name);
    if (origin) origin.connections += 1;
    return origin;
  }
  // A socket opened outside http and undici (a database driver): its peer is known once connected.
  (socket as import('node:net').Socket).once?.('connect', function (this: import('node:net').Socket) {
    guarded(() => {
      const origin = tables.origin(originOf('tcp:', this.remoteAddress, this.remotePort, 0));
      if (origin) origin.connections += 1;
    });
  });
  return undefined;
}

function watchHandshake(socket: tls.TLSSocket, origin: TraceOrigin | undefined): void {
  if (!origin || handshakesWatched.has(socket)) return;
  handshakesWatched.add(socket);
  socket.once('secureConnect', () => {
    origin.tlsHandshakes += 1;
  });
}

function tlsTarget(args: unknown[]): { host?: string; port?: unknown; socket?: unknown } {
  const options = args.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null) ?? {};
  const port = typeof args[0] === 'number' || typeof args[0] === 'string' ? args[0] : options.port;
  const host = typeof args[1] === 'string' ? args[1] : ((options.servername ?? options.host) as string | undefined);
  return { host, port, socket: options.socket };
}

function wrapTlsConnect(): void {
  const original = tls.connect;
  const traced = function connect(this: unknown, ...args: unknown[]) {
    const socket = (original as (...rest: unknown[]) => tls.TLSSocket).apply(this, args);
    guarded(() => {
      const target = tlsTarget(args);
      const hint = opener?.origin ?? undiciOrigin ?? originOf('tls:', target.host, target.port, 443);
      // TLS over a socket the program already had (a proxy tunnel) is a handshake, not a new connection.
      const origin = target.socket ? tables.origin(hint) : (countConnection(socket, hint) ?? tables.origin(hint));
      watchHandshake(socket, origin);
    });
    return socket;
  };
  tls.connect = traced as typeof tls.connect;
}

/** Runs `method` of `owner` with `opener` set, so a socket created inside is counted at the owner's site. */
function trackOpener(prototype: object, method: string, family: string, originFrom: (owner: object, args: unknown[]) => string | undefined): void {
  const holder = prototype as Record<string, unknown>;
  const original = holder[method];
  if (typeof original !== 'function' || (original as { __reuseClientsTraced?: boolean }).__reuseClientsTraced) return;
  const traced = function (this: object, ...args: unknown[]) {
    // The outermost owner wins: an undici Agent's dispatch runs its Pool's and its Client's.
    if (opener) return original.apply(this, args);
    opener = guarded(() => ({ owner: this, family, origin: originFrom(this, args) }));
    try {
      return original.apply(this, args);
    } finally {
      opener = undefined;
    }
  };
  Object.defineProperty(traced, '__reuseClientsTraced', { value: true });
  holder[method] = traced;
}

function agentOrigin(agent: object, args: unknown[]): string | undefined {
  const { protocol, defaultPort } = agent as { protocol?: string; defaultPort?: number };
  const options = args.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null);
  if (!options || !protocol) return undefined;
  return originOf(protocol, (options.host ?? options.hostname) as string | undefined, options.port, defaultPort ?? 0);
}

/** undici's dispatchers share one `dispatch` on their common base class; found from any export. */
export function trackUndiciDispatch(undiciExports: unknown): void {
  guarded(() => {
    const agent = (undiciExports as { Agent?: { prototype?: object } }).Agent;
    for (let prototype = agent?.prototype; prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype) as object) {
      if (Object.prototype.hasOwnProperty.call(prototype, 'dispatch')) {
        trackOpener(prototype, 'dispatch', 'undici', () => undefined);
        return;
      }
    }
  });
}

export function traceConnections(): void {
  trackOpener(http.Agent.prototype, 'createConnection', 'node-http', agentOrigin);
  trackOpener(https.Agent.prototype, 'createConnection', 'node-http', agentOrigin);
  wrapTlsConnect();
  syncBuiltinESMExports();

  dc.subscribe('net.client.socket', (message) => {
    guarded(() => countConnection((message as { socket: object }).socket, undefined));
  });
  dc.subscribe('undici:client:beforeConnect', (message) => {
    guarded(() => {
      const { protocol, hostname, port } = (message as { connectParams: { protocol: string; hostname: string; port: string } }).connectParams;
      undiciOrigin = originOf(protocol, hostname, port, protocol === 'https:' ? 443 : 80);
      queueMicrotask(() => {
        undiciOrigin = undefined;
      });
    });
  });
  dc.subscribe('http.client.request.start', (message) => {
    guarded(() => {
      const request = (message as { request: http.ClientRequest }).request;
      const host = request.getHeader('host');
      const origin = tables.origin(`${request.protocol}//${typeof host === 'string' ? host : request.host}`);
      if (origin) origin.requests += 1;
    });
  });
  dc.subscribe('undici:request:create', (message) => {
    guarded(() => {
      const origin = tables.origin(String((message as { request: { origin: unknown } }).request.origin).replace(/\/$/, ''));
      if (origin) origin.requests += 1;
    });
  });
}
