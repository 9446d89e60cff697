// @reuse-clients/trace: the report format and its merging, for `reuse-clients trace` and for
// tools that read a trace. The tracer itself is the `register` entry point.
export * from './report.js';
