// Runs jscodeshift's Runner (its CLI minus argument parsing) in dry mode and prints its counts.
//
//   node jscodeshift-child.mjs <transform> <dir> <band|workers>
//
// jscodeshift is resolved from packages/codemod, which depends on it. Its Runner never starts more
// workers than cores − 1; on a 2-core machine that is one worker, whatever `cpus` says. To compare
// like with like against our CLI at the same worker count, it is told there is one core more than
// the requested worker count before it loads (it reads `os.cpus()` once, at require time).
import { createRequire } from 'node:module';
import os from 'node:os';

const [transform, dir, mode] = process.argv.slice(2);
const workers = mode === 'band' ? 1 : Number(mode);
if (mode !== 'band' && workers + 1 > os.cpus().length) {
  const cpus = os.cpus();
  os.cpus = () => Array.from({ length: workers + 1 }, (_, i) => cpus[i % cpus.length]);
}

const fromCodemod = createRequire(new URL('../../packages/codemod/package.json', import.meta.url));
const Runner = fromCodemod('jscodeshift/src/Runner');

try {
  const result = await Runner.run(transform, [dir], {
    dry: true,
    silent: true,
    verbose: 0,
    runInBand: mode === 'band',
    cpus: workers,
    extensions: 'js,mjs,cjs,ts',
    babel: false, // the transform is plain CommonJS: no @babel/register on top of the measurement
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
