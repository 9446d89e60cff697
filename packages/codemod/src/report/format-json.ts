// `--format json`: `findings` carries exactly the documented fields; the project facts follow.
import type { Report } from './build-report.js';

export function formatJson(report: Report): string {
  const document = {
    findings: report.findings.map(({ file, line, column, rule, message, fixable, reason }) => ({ file, line, column, rule, message, fixable, reason })),
    globalAxiosConfiguration: report.globalAxiosConfiguration,
    sharedInstances: report.sharedInstances,
    suppressed: report.suppressed,
    failures: report.failures,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
