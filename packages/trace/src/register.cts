// The CommonJS entry of `@reuse-clients/trace/register`: `node --require @reuse-clients/trace/register
// app.js` (or `-r` in NODE_OPTIONS). It loads the ESM entry through require(esm) (Node ≥ 20.19).
// Node 20 also runs `--require` preloads inside the thread of the module hooks the tracer
// registers; there, recognised by the variable set while that thread starts, it does nothing.
import { HOOKS_THREAD_ENV } from './tracer/hooks-thread.cjs';

// A conditional load: a static import would start the tracer in the hooks thread as well.
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (!process.env[HOOKS_THREAD_ENV]) require('./register.js');
