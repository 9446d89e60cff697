// Where the hardening tests find the pieces they run.
import { fileURLToPath } from 'node:url';

export const HOOK_TRANSFORM = fileURLToPath(new URL('./hook-transform.mjs', import.meta.url));
/** Set REUSE_CLIENTS_TRANSFORM to this to run the bundled (real) transform. */
export const REAL_TRANSFORM = '';
