export { transformFile } from './placeholder.js';
