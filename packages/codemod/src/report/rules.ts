// What the report says about each rule. The ids and docs URLs are the ESLint plugin's: a finding
// of the report and a lint error of the same rule link to the same page (SARIF `helpUri`).
import { RULE_NAMES, type RuleName } from '@reuse-clients/core';

const DOCS_BASE = 'https://github.com/reuse-clients/reuse-clients/blob/main/docs/rules';

export const RULE_DESCRIPTIONS: Record<RuleName, string> = {
  'no-per-call-agent': 'Disallow building an HTTP agent or connection pool (or calling a factory that builds one) on every call',
  'no-per-call-client': 'Disallow building an SDK or database client (or calling a factory that builds one) on every call',
  'no-inline-dispatcher': 'Disallow agents and dispatchers built inline in the options of a per-call request',
  'prefer-axios-instance': 'Prefer one shared axios instance to per-call default-axios requests and per-call axios.create()',
  'require-keep-alive': 'Require keep-alive on long-lived node http and https agents',
};

export function ruleDocsUrl(rule: RuleName): string {
  return `${DOCS_BASE}/${rule}.md`;
}

export { RULE_NAMES };
