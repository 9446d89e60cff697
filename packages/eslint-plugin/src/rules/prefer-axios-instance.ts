import { MESSAGES } from '@reuse-clients/core';
import { createRule } from '../create-rule.js';
import { DEFAULT_OPTIONS, OPTIONS_SCHEMA, type Options } from '../options.js';
import { reportFindings } from '../report.js';

export type MessageIds = keyof (typeof MESSAGES)['prefer-axios-instance'];

export default createRule<Options, MessageIds>({
  name: 'prefer-axios-instance',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a shared axios instance instead of per-call default-axios requests or axios.create()',
      recommended: true,
    },
    hasSuggestions: true,
    messages: MESSAGES['prefer-axios-instance'],
    schema: OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_OPTIONS,
  },
  create(context, [options]) {
    return reportFindings(context, options, 'prefer-axios-instance');
  },
});
