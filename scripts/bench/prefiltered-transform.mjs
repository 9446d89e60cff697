// Benchmark only, a what-if: the real codemod transform behind core's text check `mayMentionCatalog`,
// so that a file that cannot mention a catalog module is never parsed. The CLI loads it through
// its REUSE_CLIENTS_TRANSFORM hook. Its numbers are reported apart from the codemod's own and
// only say what such a pre-filter would buy; they never stand in for the real transform's.
import { createCatalog, mayMentionCatalog } from '../../packages/core/dist/index.js';
import { transformFile as realTransform } from '../../packages/codemod/dist/transform/index.js';

// The CLI has no catalog options, so the default catalog is the whole catalog here.
const catalog = createCatalog([]);

export const transformFile = (source, options) => (mayMentionCatalog(source, catalog) ? realTransform(source, options) : { output: null, hoisted: [], left: [] });
