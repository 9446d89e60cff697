import { MESSAGES } from '@reuse-clients/core';
import { createRule } from '../create-rule.js';
import { DEFAULT_OPTIONS, OPTIONS_SCHEMA, type Options } from '../options.js';
import { reportFindings } from '../report.js';

export type MessageIds = keyof (typeof MESSAGES)['no-per-call-agent'];

export default createRule<Options, MessageIds>({
  name: 'no-per-call-agent',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow building HTTP agents and connection pools on every call',
      recommended: true,
    },
    hasSuggestions: true,
    messages: MESSAGES['no-per-call-agent'],
    schema: OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_OPTIONS,
  },
  create(context, [options]) {
    return reportFindings(context, options, 'no-per-call-agent');
  },
});
