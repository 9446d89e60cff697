// The tracer's entry point: `node --import @reuse-clients/trace/register app.js`, or preloaded
// into every process of a command by `reuse-clients trace`. Sets everything up before the
// program's first line runs; any failure here leaves the program to run untraced, never broken.
import { createCatalog } from '@reuse-clients/core/catalog';

import { traceConnections, trackUndiciDispatch } from './tracer/connections.js';
import { HOOKS_THREAD_ENV } from './tracer/hooks-thread.cjs';
import { hookModules } from './tracer/modules.js';
import { writePartAtExit } from './tracer/output.js';
import { guarded } from './tracer/sites.js';
import { traceWorkers } from './tracer/workers.js';

const registerUrl = import.meta.url;

/** Set on a thread's global once the tracer runs there: preloaded twice (`--require` and `--import`), it starts once. */
const STARTED = Symbol.for('@reuse-clients/trace.started');

function shouldStart(): boolean {
  // Node 20 runs `--require` preloads in the module hooks' own thread too; nothing to trace there.
  if (process.env[HOOKS_THREAD_ENV]) return false;
  const thread = globalThis as { [STARTED]?: true };
  if (thread[STARTED]) return false;
  thread[STARTED] = true;
  return true;
}

if (shouldStart()) {
  guarded(() => {
    // Source maps let a site in compiled code be reported at its line in the .ts file.
    process.setSourceMapsEnabled(true);
    writePartAtExit(registerUrl);
    traceConnections();
    traceWorkers(registerUrl);
    hookModules(createCatalog(), (moduleName, exported) => {
      if (moduleName === 'undici') trackUndiciDispatch(exported);
    });
  });
}
