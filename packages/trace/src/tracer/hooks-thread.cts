// CommonJS, so that the CommonJS entry can read it without loading the tracer.
/**
 * Set only while the tracer starts the thread of its module hooks (Node copies the environment
 * into a new thread). Node 20 runs `--require` preloads in that thread too; finding this variable,
 * the tracer knows not to start there.
 */
export const HOOKS_THREAD_ENV = 'REUSE_CLIENTS_TRACE_HOOKS_THREAD';
