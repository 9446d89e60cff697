// The one options object every rule of the ESLint plugin takes, and that the codemod reads from the
// project's ESLint config (or `--config`) to judge the same way. Declared once here so that an option
// added for the rules is one the codemod knows too.
import type { UserCallbackApi } from './callback-apis.js';
import type { UserCatalogEntry } from './catalog.js';

export interface RuleOptions {
  catalog?: UserCatalogEntry[];
  startupFunctions?: string[];
  callbackApis?: UserCallbackApi[];
  probeFunctions?: string[];
  nodeVersion?: string;
  lintTests?: boolean;
  /** Report clients built from the caller's own credentials (silent by default; never hoisted). */
  reportCallerCredentials?: boolean;
  /** Typed linting in the ESLint rules; the codemod accepts it so a rule's options can be pasted as they are. */
  typeChecked?: boolean;
}
