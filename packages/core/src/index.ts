// @reuse-clients/core: the detector shared by the ESLint rules and the codemod.
export * from './analyze.js';
export * from './ast.js';
export * from './callback-apis.js';
export * from './catalog.js';
export * from './context/index.js';
export * from './frequency.js';
export * from './global-configuration.js';
export * from './hoist.js';
export * from './instance-state.js';
export * from './known-sites.js';
export * from './messages.js';
export * from './node-target.js';
export { PROBE_CONVENTIONS, type ProbeConvention } from './probes.js';
export * from './resolve.js';
export * from './scope.js';
export * from './rule-options.js';
