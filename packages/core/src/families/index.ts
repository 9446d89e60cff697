// The family table: every client family the detector knows, with its facts. Reported families
// become catalog entries; the others are listed in docs/clients.md with the reason, and a user can
// turn one on with `{ family: '<id>' }` in the `catalog` option.
import { CLOUD_FAMILIES } from './cloud.js';
import { DATABASE_FAMILIES } from './databases.js';
import { HTTP_FAMILIES } from './http.js';
import { MESSAGING_FAMILIES, SAAS_FAMILIES } from './messaging.js';
import type { ClientFamily } from './types.js';

export const FAMILIES: readonly ClientFamily[] = [...HTTP_FAMILIES, ...CLOUD_FAMILIES, ...DATABASE_FAMILIES, ...MESSAGING_FAMILIES, ...SAAS_FAMILIES];
