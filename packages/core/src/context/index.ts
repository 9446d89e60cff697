// Where code runs (server, test, browser, build time): tables and recognisers.
export * from './browser-app.js';
export * from './code-context.js';
export * from './glob.js';
export * from './tables.js';
export * from './test-framework.js';
export * from './script-entry.js';
