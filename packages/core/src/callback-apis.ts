// How often a callback runs when it is handed to a known API: once (a plugin body, a DI singleton
// factory, a memoized function, a CLI action) or on every request, message, job, tick or event.
// Plain data, like the catalog: users extend it through rule options, and docs/callback-apis.md is
// generated from it (scripts/callback-apis-doc.mjs). Receivers are found through imports and
// requires, never by their names: `app.get(…)` counts only when `app` was built by `express()`,
// `new Koa()`, `fastify()`… (see `INSTANCE_SOURCES`).

/**
 * `once`: the callback runs once (per key for memoizers) whatever calls the API.
 * `per-call`: on every request/message/job/tick: constructions inside it are per call.
 * `as-caller`: once per call of the API (`setTimeout`, `emitter.once`): as often as the code calling it.
 */
export type Runs = 'once' | 'per-call' | 'as-caller';

/** What is called, as the resolver sees it. */
export type ApiCallee =
  /**
   * An export of a module (`module` may end with `*`; `*` alone is any package, never a project
   * file); `path: undefined` is any export of it, a `*` segment any one name.
   */
  | { module: string; path?: readonly string[] }
  /** A global nobody declared in the file (`setInterval`, `process.on`). */
  | { global: readonly string[] }
  /** A method of a value of an instance kind (see `INSTANCE_SOURCES`). */
  | { instance: string; methods: readonly string[] };

export interface CallbackApi {
  /** Heading in the generated docs page. */
  group: string;
  callee: ApiCallee;
  /** `new` for constructors (`new Worker(name, processor)`), `call` otherwise (default). */
  via?: 'call' | 'new';
  /**
   * Where the callback is: `functions` (any function argument, the default), an argument index,
   * or properties of an object argument (`{ handler }`, `{ eachMessage }`).
   */
  callback?: 'functions' | number | { properties: readonly string[] };
  runs: Runs;
  /**
   * For `per-call`: how it reads after "runs" in a message. For `once`: why it is once.
   * `{{arg0}}` is the first argument when it is a string, `{{METHOD}}` the called method in upper
   * case, `{{key}}` the property the call is the value of (`getUser: procedure.query(…)`);
   * a `[…]` part is left out when a placeholder in it has no value.
   */
  evidence: string;
  /** Instance kinds of the callback's parameters (a fastify plugin receives a fastify instance). */
  parameters?: readonly (string | null)[];
  /** Only when the registration says the value is a singleton (awilix `.singleton()`, `Lifetime.SINGLETON`). */
  onlySingleton?: boolean;
}

/** How values of an instance kind are made: `express()`, `new Koa()`, `kafka.consumer()`. */
export interface InstanceSource {
  kind: string;
  from:
    | { module: string; path: readonly string[] }
    | { instance: string; member: readonly string[] | '*' }
    | { global: readonly string[] }
    /** A parameter of the function the module exports (`module.exports = function (RED) {…}`). */
    | { moduleFunctionParameter: number };
  /** `read` for a property (`t.procedure`). */
  via: 'call' | 'new' | 'new-or-call' | 'read';
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all'];
const ROUTE = 'on every request of the route `{{METHOD}}[ {{arg0}}]`';
const MIDDLEWARE = 'on every request through the middleware[ mounted at `{{arg0}}`]';

export const INSTANCE_SOURCES: readonly InstanceSource[] = [
  // HTTP servers and routers.
  { kind: 'express.app', from: { module: 'express', path: [] }, via: 'call' },
  { kind: 'express.router', from: { module: 'express', path: ['Router'] }, via: 'call' },
  { kind: 'express.route', from: { instance: 'express.app', member: ['route'] }, via: 'call' },
  { kind: 'express.route', from: { instance: 'express.router', member: ['route'] }, via: 'call' },
  { kind: 'express.route', from: { instance: 'express.route', member: HTTP_METHODS }, via: 'call' },
  { kind: 'koa.app', from: { module: 'koa', path: [] }, via: 'new' },
  { kind: 'koa.router', from: { module: '@koa/router', path: [] }, via: 'new-or-call' },
  { kind: 'koa.router', from: { module: 'koa-router', path: [] }, via: 'new-or-call' },
  { kind: 'hono.app', from: { module: 'hono', path: ['Hono'] }, via: 'new' },
  { kind: 'hono.app', from: { instance: 'hono.app', member: ['basePath'] }, via: 'call' },
  { kind: 'fastify.instance', from: { module: 'fastify', path: [] }, via: 'call' },
  { kind: 'fastify.instance', from: { module: 'fastify', path: ['fastify'] }, via: 'call' },
  ...['http', 'https', 'http2'].flatMap((module): InstanceSource[] => [
    { kind: 'node.server', from: { module, path: ['createServer'] }, via: 'call' },
    { kind: 'node.server', from: { module, path: ['createSecureServer'] }, via: 'call' },
    { kind: 'node.server', from: { module, path: ['Server'] }, via: 'new' },
  ]),
  { kind: 'node.server', from: { instance: 'express.app', member: ['listen'] }, via: 'call' },
  // Event emitters.
  { kind: 'node.emitter', from: { module: 'events', path: [] }, via: 'new' },
  { kind: 'node.emitter', from: { module: 'events', path: ['EventEmitter'] }, via: 'new' },
  { kind: 'node.emitter', from: { global: ['process'] }, via: 'read' },
  { kind: 'socketio.server', from: { module: 'socket.io', path: ['Server'] }, via: 'new' },
  { kind: 'socketio.server', from: { module: 'socket.io', path: [] }, via: 'new-or-call' },
  { kind: 'ws.server', from: { module: 'ws', path: ['WebSocketServer'] }, via: 'new' },
  { kind: 'ws.server', from: { module: 'ws', path: ['Server'] }, via: 'new' },
  // Queues and streams.
  { kind: 'kafkajs.kafka', from: { module: 'kafkajs', path: ['Kafka'] }, via: 'new' },
  { kind: 'kafkajs.consumer', from: { instance: 'kafkajs.kafka', member: ['consumer'] }, via: 'call' },
  { kind: 'amqplib.connection', from: { module: 'amqplib', path: ['connect'] }, via: 'call' },
  { kind: 'amqplib.channel', from: { instance: 'amqplib.connection', member: ['createChannel', 'createConfirmChannel'] }, via: 'call' },
  { kind: 'bull.queue', from: { module: 'bull', path: [] }, via: 'new-or-call' },
  // tRPC: `initTRPC.create()`, `initTRPC.context<C>().create()`, `t.procedure.input(…).use(…)`.
  { kind: 'trpc.builder', from: { module: '@trpc/server', path: ['initTRPC', 'context'] }, via: 'call' },
  { kind: 'trpc.builder', from: { module: '@trpc/server', path: ['initTRPC', 'meta'] }, via: 'call' },
  { kind: 'trpc.builder', from: { instance: 'trpc.builder', member: ['context', 'meta'] }, via: 'call' },
  { kind: 'trpc.root', from: { module: '@trpc/server', path: ['initTRPC', 'create'] }, via: 'call' },
  { kind: 'trpc.root', from: { instance: 'trpc.builder', member: ['create'] }, via: 'call' },
  { kind: 'trpc.procedure', from: { instance: 'trpc.root', member: ['procedure'] }, via: 'read' },
  { kind: 'trpc.procedure', from: { instance: 'trpc.procedure', member: ['input', 'output', 'use', 'meta', 'concat', 'unstable_concat'] }, via: 'call' },
  // CLIs: every method of a commander or yargs builder returns the builder.
  { kind: 'commander.command', from: { module: 'commander', path: ['program'] }, via: 'read' },
  { kind: 'commander.command', from: { module: 'commander', path: ['Command'] }, via: 'new' },
  { kind: 'commander.command', from: { module: 'commander', path: ['createCommand'] }, via: 'call' },
  { kind: 'commander.command', from: { module: 'commander', path: [] }, via: 'read' },
  { kind: 'commander.command', from: { instance: 'commander.command', member: '*' }, via: 'call' },
  { kind: 'yargs.builder', from: { module: 'yargs', path: [] }, via: 'call' },
  { kind: 'yargs.builder', from: { module: 'yargs/yargs', path: [] }, via: 'call' },
  { kind: 'yargs.builder', from: { instance: 'yargs.builder', member: '*' }, via: 'call' },
  // Node-RED: `module.exports = function (RED) { …; RED.nodes.registerType('name', Node); }`.
  { kind: 'nodered.RED', from: { moduleFunctionParameter: 0 }, via: 'read' },
  { kind: 'nodered.nodes', from: { instance: 'nodered.RED', member: ['nodes'] }, via: 'read' },
  // DI containers.
  { kind: 'inversify.binding', from: { module: 'inversify', path: ['Container'] }, via: 'new' },
  { kind: 'inversify.binding', from: { instance: 'inversify.binding', member: ['bind', 'rebind', 'to', 'toSelf', 'toDynamicValue', 'when', 'whenTargetNamed'] }, via: 'call' },
];

const NEST_DYNAMIC_MODULE_METHODS = ['registerAsync', 'forRootAsync', 'forFeatureAsync'];
const emitters = ['node.emitter', 'node.server', 'socketio.server', 'socketio.socket', 'ws.server', 'ws.socket'];
const memoizers: readonly { module: string; path: string[] }[] = [
  ...['lodash', 'lodash-es', 'underscore', 'lodash/fp'].flatMap((module) => [
    { module, path: ['once'] },
    { module, path: ['memoize'] },
  ]),
  ...['lodash.once', 'lodash.memoize', 'lodash/once', 'lodash/memoize', 'lodash-es/once', 'lodash-es/memoize', 'once', 'memoizee', 'p-memoize', 'mem', 'memoize-one', 'fast-memoize', 'micro-memoize'].map((module) => ({ module, path: [] })),
  { module: 'p-memoize', path: ['pMemoize'] },
];

export const BUILTIN_CALLBACK_APIS: readonly CallbackApi[] = [
  // ── once ──────────────────────────────────────────────────────────────────────────────────────
  { group: 'Start-up: plugins', callee: { module: 'fastify-plugin', path: [] }, callback: 0, runs: 'once', evidence: 'fastify plugin body (runs at start-up)', parameters: ['fastify.instance'] },
  { group: 'Start-up: plugins', callee: { instance: 'fastify.instance', methods: ['register'] }, callback: 0, runs: 'once', evidence: 'fastify plugin body (runs at start-up)', parameters: ['fastify.instance'] },
  { group: 'Start-up: plugins', callee: { instance: 'fastify.instance', methods: ['after', 'ready'] }, runs: 'once', evidence: 'fastify start-up callback' },
  { group: 'Start-up: servers', callee: { instance: 'express.app', methods: ['listen'] }, runs: 'once', evidence: '`listen` callback (runs once the server listens)' },
  { group: 'Start-up: servers', callee: { instance: 'node.server', methods: ['listen'] }, runs: 'once', evidence: '`listen` callback (runs once the server listens)' },
  { group: 'Start-up: servers', callee: { instance: 'koa.app', methods: ['listen'] }, runs: 'once', evidence: '`listen` callback (runs once the server listens)' },
  { group: 'Start-up: servers', callee: { instance: 'fastify.instance', methods: ['listen'] }, runs: 'once', evidence: '`listen` callback (runs once the server listens)' },
  { group: 'Start-up: CLIs', callee: { instance: 'commander.command', methods: ['action'] }, runs: 'once', evidence: 'commander action (runs once per CLI invocation)' },
  // firebase-functions 7.2.2 src/common/onInit.ts: the callback runs once, before the instance's first invocation.
  ...['firebase-functions', 'firebase-functions/v1', 'firebase-functions/v2'].map((module): CallbackApi => ({ group: 'Start-up: serverless', callee: { module, path: ['onInit'] }, runs: 'once', evidence: 'firebase-functions `onInit` callback (runs once per instance, before its first invocation)' })),
  { group: 'Start-up: CLIs', callee: { instance: 'yargs.builder', methods: ['command'] }, callback: 'functions', runs: 'once', evidence: 'yargs command handler (runs once per CLI invocation)' },
  { group: 'Start-up: CLIs', callee: { instance: 'yargs.builder', methods: ['command'] }, callback: { properties: ['handler'] }, runs: 'once', evidence: 'yargs command handler (runs once per CLI invocation)' },
  { group: 'Once (per key): memoizers', callee: { module: 'lodash', path: ['once'] }, callback: 0, runs: 'once', evidence: 'wrapped in `once`/`memoize` (runs once per key)' },
  ...memoizers.slice(1).map((callee): CallbackApi => ({ group: 'Once (per key): memoizers', callee, callback: 0, runs: 'once', evidence: 'wrapped in `once`/`memoize` (runs once per key)' })),
  // @epic-web/remember 1.1.0: `remember(name, getValue)` keeps `getValue()` in a globalThis Map by name.
  { group: 'Once (per key): memoizers', callee: { module: '@epic-web/remember', path: ['remember'] }, callback: 1, runs: 'once', evidence: 'remembered by name with `remember` (runs once per name)' },
  { group: 'Once: DI singletons', callee: { module: 'awilix', path: ['asFunction'] }, callback: 0, runs: 'once', onlySingleton: true, evidence: 'awilix singleton factory (runs once)' },
  { group: 'Once: DI singletons', callee: { instance: 'inversify.binding', methods: ['toDynamicValue'] }, callback: 0, runs: 'once', onlySingleton: true, evidence: 'inversify singleton factory (runs once)' },
  { group: 'Once: DI singletons', callee: { instance: 'nodered.nodes', methods: ['registerType'] }, callback: 1, runs: 'once', evidence: 'Node-RED node constructor (runs once per deployed node)' },
  // NestJS dynamic modules (`XModule.registerAsync({ useFactory, inject })`, by Nest's naming
  // convention for configurable modules): Nest calls `useFactory` once, when it builds the module.
  ...NEST_DYNAMIC_MODULE_METHODS.map((method): CallbackApi => ({ group: 'Once: DI singletons', callee: { module: '*', path: ['*', method] }, callback: { properties: ['useFactory'] }, runs: 'once', evidence: `\`useFactory\` of a NestJS dynamic module's \`${method}()\` (runs once, when the module is built)` })),
  // @nestjs/typeorm 12: `dataSourceFactory` is called by the module's own singleton `useFactory`.
  { group: 'Once: DI singletons', callee: { module: '@nestjs/typeorm', path: ['TypeOrmModule', 'forRootAsync'] }, callback: { properties: ['dataSourceFactory'] }, runs: 'once', evidence: 'TypeORM `dataSourceFactory` of `TypeOrmModule.forRootAsync()` (runs once, when the module is built)' },
  // ── per call ──────────────────────────────────────────────────────────────────────────────────
  { group: 'Per request: HTTP routes', callee: { instance: 'express.app', methods: HTTP_METHODS }, runs: 'per-call', evidence: ROUTE },
  { group: 'Per request: HTTP routes', callee: { instance: 'express.router', methods: HTTP_METHODS }, runs: 'per-call', evidence: ROUTE },
  { group: 'Per request: HTTP routes', callee: { instance: 'express.route', methods: HTTP_METHODS }, runs: 'per-call', evidence: 'on every `{{METHOD}}` request of a route' },
  { group: 'Per request: HTTP routes', callee: { instance: 'koa.router', methods: HTTP_METHODS }, runs: 'per-call', evidence: ROUTE },
  { group: 'Per request: HTTP routes', callee: { instance: 'hono.app', methods: [...HTTP_METHODS, 'on'] }, runs: 'per-call', evidence: ROUTE },
  { group: 'Per request: HTTP routes', callee: { instance: 'fastify.instance', methods: HTTP_METHODS }, runs: 'per-call', evidence: ROUTE },
  { group: 'Per request: HTTP routes', callee: { instance: 'fastify.instance', methods: ['route'] }, callback: { properties: ['handler', 'preHandler', 'onRequest'] }, runs: 'per-call', evidence: 'on every request of a fastify route' },
  { group: 'Per request: HTTP routes', callee: { instance: 'fastify.instance', methods: ['addHook'] }, runs: 'per-call', evidence: 'in the fastify hook[ `{{arg0}}`]' },
  ...['express.app', 'express.router', 'koa.app', 'koa.router', 'hono.app'].map((instance): CallbackApi => ({ group: 'Per request: HTTP routes', callee: { instance, methods: ['use'] }, runs: 'per-call', evidence: MIDDLEWARE })),
  { group: 'Per request: HTTP routes', callee: { module: 'http', path: ['createServer'] }, runs: 'per-call', evidence: 'on every request of the HTTP server' },
  { group: 'Per request: HTTP routes', callee: { module: 'https', path: ['createServer'] }, runs: 'per-call', evidence: 'on every request of the HTTPS server' },
  { group: 'Per request: tRPC', callee: { instance: 'trpc.procedure', methods: ['query', 'mutation', 'subscription'] }, runs: 'per-call', evidence: 'on every call of the tRPC {{method}}[ `{{key}}`]' },
  { group: 'Per request: tRPC', callee: { module: '@trpc/server*' }, callback: { properties: ['createContext'] }, runs: 'per-call', evidence: 'on every request, in the tRPC `createContext`' },
  { group: 'Per event: listeners', callee: { instance: 'node.server', methods: ['on', 'addListener', 'prependListener'] }, runs: 'per-call', parameters: [null], evidence: 'on every `{{arg0}}` event of the server' },
  { group: 'Per event: listeners', callee: { instance: 'socketio.server', methods: ['on'] }, runs: 'per-call', parameters: ['socketio.socket'], evidence: 'on every `{{arg0}}` event of the socket.io server' },
  { group: 'Per event: listeners', callee: { instance: 'socketio.socket', methods: ['on'] }, runs: 'per-call', evidence: 'on every `{{arg0}}` message of a socket.io socket' },
  { group: 'Per event: listeners', callee: { instance: 'ws.server', methods: ['on'] }, runs: 'per-call', parameters: ['ws.socket'], evidence: 'on every `{{arg0}}` event of the WebSocket server' },
  { group: 'Per event: listeners', callee: { instance: 'ws.socket', methods: ['on'] }, runs: 'per-call', evidence: 'on every `{{arg0}}` event of a WebSocket' },
  { group: 'Per event: listeners', callee: { instance: 'node.emitter', methods: ['on', 'addListener', 'prependListener'] }, runs: 'per-call', evidence: 'on every `{{arg0}}` event' },
  ...emitters.map((instance): CallbackApi => ({ group: 'Per event: listeners', callee: { instance, methods: ['once', 'prependOnceListener'] }, runs: 'as-caller', evidence: 'a one-time listener (runs once per registration)' })),
  { group: 'Per message: queues and streams', callee: { instance: 'kafkajs.consumer', methods: ['run'] }, callback: { properties: ['eachMessage', 'eachBatch'] }, runs: 'per-call', evidence: 'for every message of the Kafka consumer' },
  { group: 'Per message: queues and streams', callee: { module: 'bullmq', path: ['Worker'] }, via: 'new', callback: 1, runs: 'per-call', evidence: 'for every job of the BullMQ worker[ `{{arg0}}`]' },
  { group: 'Per message: queues and streams', callee: { instance: 'bull.queue', methods: ['process'] }, runs: 'per-call', evidence: 'for every job of the Bull queue' },
  { group: 'Per message: queues and streams', callee: { instance: 'amqplib.channel', methods: ['consume'] }, callback: 1, runs: 'per-call', evidence: 'for every message of the AMQP queue[ `{{arg0}}`]' },
  { group: 'Per message: queues and streams', callee: { module: 'sqs-consumer', path: ['Consumer', 'create'] }, callback: { properties: ['handleMessage', 'handleMessageBatch'] }, runs: 'per-call', evidence: 'for every message of the SQS consumer' },
  { group: 'Per tick: timers and cron', callee: { global: ['setInterval'] }, callback: 0, runs: 'per-call', evidence: 'on every tick of `setInterval()`' },
  { group: 'Per tick: timers and cron', callee: { module: 'timers', path: ['setInterval'] }, callback: 0, runs: 'per-call', evidence: 'on every tick of `setInterval()`' },
  ...['setTimeout', 'setImmediate', 'queueMicrotask'].map((name): CallbackApi => ({ group: 'Per tick: timers and cron', callee: { global: [name] }, callback: 0, runs: 'as-caller', evidence: `a \`${name}\` callback (runs once per call)` })),
  { group: 'Per tick: timers and cron', callee: { global: ['process', 'nextTick'] }, callback: 0, runs: 'as-caller', evidence: 'a `process.nextTick` callback (runs once per call)' },
  { group: 'Per tick: timers and cron', callee: { module: 'node-cron', path: ['schedule'] }, callback: 1, runs: 'per-call', evidence: 'on every run of the cron job[ `{{arg0}}`]' },
  { group: 'Per tick: timers and cron', callee: { module: 'cron', path: ['CronJob'] }, via: 'new', callback: 1, runs: 'per-call', evidence: 'on every run of the cron job[ `{{arg0}}`]' },
  { group: 'Per tick: timers and cron', callee: { module: 'cron', path: ['CronJob', 'from'] }, callback: { properties: ['onTick'] }, runs: 'per-call', evidence: 'on every run of the cron job' },
  { group: 'Per tick: timers and cron', callee: { module: 'node-schedule', path: ['scheduleJob'] }, runs: 'per-call', evidence: 'on every run of the scheduled job' },
  { group: 'Per invocation: serverless', callee: { module: '@google-cloud/functions-framework', path: ['http'] }, callback: 1, runs: 'per-call', evidence: 'on every invocation of the Cloud Function[ `{{arg0}}`]' },
  { group: 'Per invocation: serverless', callee: { module: '@google-cloud/functions-framework', path: ['cloudEvent'] }, callback: 1, runs: 'per-call', evidence: 'on every event of the Cloud Function[ `{{arg0}}`]' },
  ...[['https', 'onRequest'], ['https', 'onCall'], ['pubsub', 'onPublish']].flatMap(([area, method]): CallbackApi[] => [
    { group: 'Per invocation: serverless', callee: { module: 'firebase-functions', path: [area!, method!] }, runs: 'per-call', evidence: 'on every invocation of the Cloud Function' },
    { group: 'Per invocation: serverless', callee: { module: `firebase-functions/v2/${area}`, path: [method!] }, runs: 'per-call', evidence: 'on every invocation of the Cloud Function' },
  ]),
  { group: 'Per invocation: serverless', callee: { module: '@azure/functions', path: undefined }, callback: { properties: ['handler'] }, runs: 'per-call', evidence: 'on every invocation of the Azure Function[ `{{arg0}}`]' },
];

/**
 * Calls that keep a value for as long as the container or app lives: a construction handed to one
 * is built for its callers, like a returned value (a loader that registers a Redis client is a
 * factory judged where it is called, not a per-call construction).
 */
export const VALUE_REGISTRATIONS: readonly { group: string; callee: ApiCallee; argument: number }[] = [
  { group: 'Kept: DI registrations', callee: { module: 'awilix', path: ['asValue'] }, argument: 0 },
  { group: 'Kept: DI registrations', callee: { module: 'tsyringe', path: ['container', 'registerInstance'] }, argument: 1 },
  { group: 'Kept: DI registrations', callee: { instance: 'inversify.binding', methods: ['toConstantValue'] }, argument: 0 },
];

/**
 * Methods a framework calls on a subclass of one of its exports: `class Sync extends Command { async
 * run() {…} }` (oclif) runs `run` once per CLI invocation. The class's `extends` is resolved through
 * its import or require; the method is matched by name on that class only.
 */
export const SUBCLASS_METHODS: readonly { group: string; base: { module: string; path: readonly string[] }; methods: readonly string[]; runs: Runs; evidence: string; docs: string }[] = [
  { group: 'Start-up: CLIs', base: { module: '@oclif/core', path: ['Command'] }, methods: ['run', 'init'], runs: 'once', evidence: 'oclif command `{{method}}` (runs once per CLI invocation)', docs: 'https://oclif.io/docs/commands' },
  { group: 'Start-up: CLIs', base: { module: '@oclif/command', path: [] }, methods: ['run', 'init'], runs: 'once', evidence: 'oclif command `{{method}}` (runs once per CLI invocation)', docs: 'https://oclif.io/docs/commands' },
  { group: 'Start-up: CLIs', base: { module: '@oclif/command', path: ['Command'] }, methods: ['run', 'init'], runs: 'once', evidence: 'oclif command `{{method}}` (runs once per CLI invocation)', docs: 'https://oclif.io/docs/commands' },
  { group: 'Start-up: CLIs', base: { module: 'clipanion', path: ['Command'] }, methods: ['execute'], runs: 'once', evidence: 'clipanion command `{{method}}` (runs once per CLI invocation)', docs: 'https://mael.dev/clipanion/docs/' },
  { group: 'Start-up: CLIs', base: { module: 'nest-commander', path: ['CommandRunner'] }, methods: ['run'], runs: 'once', evidence: 'nest-commander command `{{method}}` (runs once per CLI invocation)', docs: 'https://docs.nestjs.com/recipes/nest-commander' },
];

/** Shapes that are not a call of an API: recognised in code, listed here so the docs page names them. */
export const CALLBACK_SHAPES: readonly { group: string; shape: string; runs: Runs }[] = [
  { group: 'Start-up: plugins', shape: 'a hapi plugin object `{ name | pkg, register }`: its `register`', runs: 'once' },
  { group: 'Once: DI singletons', shape: 'NestJS `onModuleInit` / `onApplicationBootstrap` methods (in a file importing `@nestjs/*`)', runs: 'once' },
  { group: 'Once: DI singletons', shape: 'NestJS custom providers `{ provide, useFactory }` (in a file importing `@nestjs/*`), unless `scope: Scope.REQUEST`', runs: 'once' },
  { group: 'Once (per key): memoizers', shape: 'a once/memoize wrapper written in the file: a function whose returned closure calls its parameter under a test of state kept in the wrapper', runs: 'once' },
  { group: 'Once (per key): memoizers', shape: 'a zero-argument factory handed, at module load, to a helper whose result is kept in a module-level `const` (`const prisma = remember("prisma", () => new PrismaClient())`): the helper is written in the file and calls the factory only while it runs, or it comes from a project file and the file never calls the constant', runs: 'once' },
  { group: 'Per request: NestJS', shape: 'constructors and field initialisers of a class decorated with `@Injectable({ scope: Scope.REQUEST })` or `@Controller({ scope: Scope.REQUEST })`, and `useFactory` of a provider with `scope: Scope.REQUEST`', runs: 'per-call' },
  { group: 'Per request: Next.js', shape: 'exported `GET`/`POST`/`PUT`/`PATCH`/`DELETE`/`HEAD`/`OPTIONS` functions of `app/**/route.{js,ts}`', runs: 'per-call' },
  { group: 'Per request: Next.js', shape: "server actions: exported functions of a `'use server'` file, or functions starting with `'use server'`", runs: 'per-call' },
  { group: 'Per invocation: serverless', shape: 'a function typed with a handler or event type from `aws-lambda` (`Handler`, `APIGatewayProxyHandler`, `(event: SQSEvent)`) or with a context-options type from `@trpc/server`', runs: 'per-call' },
];

/** A callback API as users write it in rule options (`callbackApis`). */
export interface UserCallbackApi {
  /** Module specifier, as imported. */
  module: string;
  /** The export called with the callback (`schedule`, `default`), a dotted path for members. */
  call?: string;
  /** The export constructed with `new` and the callback. */
  export?: string;
  /** Or: a method of what `call`/`export` returns (`createServer` + `method: 'route'`). */
  method?: string;
  runs: Runs;
  /** Argument index, or a property name of an options object, holding the callback. */
  argument?: number;
  property?: string;
  /** How a message says how often it runs ("for every job of the acme queue"). */
  evidence?: string;
}

export interface CallbackApiTable {
  apis: readonly CallbackApi[];
  sources: readonly InstanceSource[];
  /** Modules the table mentions: a file importing none of them needs no instance resolution. */
  modules: ReadonlySet<string>;
}

export function fromUserCallbackApi(entry: UserCallbackApi, index: number): { api: CallbackApi; source?: InstanceSource } {
  const name = entry.call ?? entry.export;
  const path = !name || name === 'default' ? [] : name.split('.');
  const callback: CallbackApi['callback'] = entry.property ? { properties: [entry.property] } : entry.argument ?? 'functions';
  const evidence = entry.evidence ?? (entry.runs === 'per-call' ? `on every call of the \`${entry.module}\` callback` : `\`${entry.module}\` callback (runs ${entry.runs === 'once' ? 'once' : 'once per call'})`);
  const group = 'Project entries';
  if (entry.method) {
    const kind = `user.${index}`;
    return {
      source: { kind, from: { module: entry.module, path }, via: entry.export ? 'new' : 'call' },
      api: { group, callee: { instance: kind, methods: [entry.method] }, callback, runs: entry.runs, evidence },
    };
  }
  return { api: { group, callee: { module: entry.module, path }, ...(entry.export ? { via: 'new' as const } : {}), callback, runs: entry.runs, evidence } };
}

export function createCallbackApiTable(userEntries: readonly UserCallbackApi[] = []): CallbackApiTable {
  const user = userEntries.map(fromUserCallbackApi);
  // Project entries first: they override a built-in entry for the same callee.
  const apis = [...user.map((entry) => entry.api), ...BUILTIN_CALLBACK_APIS];
  const sources = [...user.flatMap((entry) => (entry.source ? [entry.source] : [])), ...INSTANCE_SOURCES];
  const modules = new Set<string>();
  for (const api of apis) if ('module' in api.callee) modules.add(api.callee.module);
  for (const source of sources) if ('module' in source.from) modules.add(source.from.module);
  return { apis, sources, modules };
}

export function moduleMatches(pattern: string, module: string): boolean {
  if (pattern === '*') return isPackageSpecifier(module);
  return pattern.endsWith('*') ? module.startsWith(pattern.slice(0, -1)) : pattern === module;
}

/** `express`, `@nestjs/common`, `node:http`: not `./x`, `../x`, `/abs` or the `<global>` pseudo-module. */
function isPackageSpecifier(module: string): boolean {
  return module !== '' && !module.startsWith('.') && !module.startsWith('/') && !module.startsWith('<');
}

/** `pattern` (a `*` segment matches any one name) against a resolved path. */
export function samePath(pattern: readonly string[] | undefined, path: readonly string[]): boolean {
  return pattern === undefined || (pattern.length === path.length && pattern.every((segment, index) => segment === '*' || segment === path[index]));
}

/** Fills `{{name}}` placeholders; drops a `[…]` part whose placeholders have no value. */
export function renderEvidence(template: string, values: Readonly<Record<string, string | undefined>>): string {
  const fill = (text: string): string | undefined => {
    let missing = false;
    const filled = text.replace(/\{\{(\w+)\}\}/g, (_whole, key: string) => {
      const value = values[key];
      if (value === undefined) missing = true;
      return value ?? '';
    });
    return missing ? undefined : filled;
  };
  const withOptional = template.replace(/\[([^\]]*)\]/g, (_whole, part: string) => fill(part) ?? '');
  return fill(withOptional) ?? withOptional.replace(/\{\{\w+\}\}/g, '…');
}
