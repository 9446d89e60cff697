// `--format sarif`: SARIF 2.1.0 as code-scanning services read it. Each rule carries its docs
// page as `helpUri` (as @microsoft/eslint-formatter-sarif does for the ESLint plugin), locations
// are relative to %SRCROOT% (the working directory), and whether a fix exists travels in
// `properties`, since SARIF `fixes` would have to spell out the edit.
import { pathToFileURL } from 'node:url';
import type { RuleName } from '@reuse-clients/core';
import type { Report } from './build-report.js';
import { RULE_DESCRIPTIONS, RULE_NAMES, ruleDocsUrl } from './rules.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/reuse-clients/reuse-clients';

export function formatSarif(report: Report, context: { cwd: string; version: string }): string {
  const rules = RULE_NAMES.map((rule) => ({
    id: rule,
    name: rule,
    shortDescription: { text: RULE_DESCRIPTIONS[rule] },
    helpUri: ruleDocsUrl(rule),
    defaultConfiguration: { level: 'error' },
  }));
  const results = report.findings.map((finding) => ({
    ruleId: finding.rule,
    ruleIndex: RULE_NAMES.indexOf(finding.rule as RuleName),
    level: 'error',
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    properties: { fixable: finding.fixable, reason: finding.reason },
  }));
  const srcRoot = pathToFileURL(context.cwd).href;
  const document = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'reuse-clients', version: context.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot.endsWith('/') ? srcRoot : `${srcRoot}/` } },
        results,
        properties: { globalAxiosConfiguration: report.globalAxiosConfiguration, sharedInstances: report.sharedInstances, suppressed: report.suppressed },
      },
    ],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
