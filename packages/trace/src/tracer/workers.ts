// Worker threads do not run the `--import` preloads of NODE_OPTIONS: each new Worker gets the
// tracer in its own execArgv. If the worker refuses those options, it starts untraced.
import { syncBuiltinESMExports } from 'node:module';
import workerThreads from 'node:worker_threads';

import { guarded } from './sites.js';

export function traceWorkers(registerUrl: string): void {
  const Original = workerThreads.Worker;
  const withTracer = (options: unknown): workerThreads.WorkerOptions | undefined =>
    guarded(() => {
      const given = (typeof options === 'object' && options !== null ? options : {}) as workerThreads.WorkerOptions;
      // eval workers skip preloads anyway; an explicit execArgv that already has us is left alone.
      if (given.eval) return undefined;
      const execArgv = given.execArgv ?? process.execArgv;
      if (execArgv.some((arg) => arg.includes(registerUrl))) return undefined;
      return { ...given, execArgv: [...execArgv, '--import', registerUrl] };
    });
  workerThreads.Worker = new Proxy(Original, {
    construct(target, args, newTarget) {
      const traced = withTracer(args[1]);
      if (traced) {
        try {
          return Reflect.construct(target, [args[0], traced, ...args.slice(2)], newTarget) as object;
        } catch {
          // Fall through: the program's own options, exactly as given.
        }
      }
      return Reflect.construct(target, args, newTarget) as object;
    },
  });
  syncBuiltinESMExports();
}
