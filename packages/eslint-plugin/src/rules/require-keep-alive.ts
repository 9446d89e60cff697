import { MESSAGES } from '@reuse-clients/core';
import { createRule } from '../create-rule.js';
import { DEFAULT_OPTIONS, OPTIONS_SCHEMA, type Options } from '../options.js';
import { reportFindings } from '../report.js';

export type MessageIds = keyof (typeof MESSAGES)['require-keep-alive'];

export default createRule<Options, MessageIds>({
  name: 'require-keep-alive',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require keep-alive on long-lived Node HTTP agents',
      recommended: true,
    },
    fixable: 'code',
    messages: MESSAGES['require-keep-alive'],
    schema: OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_OPTIONS,
  },
  create(context, [options]) {
    return reportFindings(context, options, 'require-keep-alive');
  },
});
