// @reuse-clients/trace: run a command traced, merge and summarise the report. The tracer itself
// is the `register` entry point, preloaded with `node --import @reuse-clients/trace/register`.
export * from './report.js';
export { nodeOptionsWithTracer, REGISTER_URL, runWithTracer, type TraceRun, type TraceRunOptions } from './run.js';
export { formatSummary, isRepeated, type StaticVerdict, type SummaryOptions } from './summary.js';
