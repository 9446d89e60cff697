import { MESSAGES } from '@reuse-clients/core';
import { createRule } from '../create-rule.js';
import { DEFAULT_OPTIONS, OPTIONS_SCHEMA, type Options } from '../options.js';
import { reportFindings } from '../report.js';

export type MessageIds = keyof (typeof MESSAGES)['no-inline-dispatcher'];

export default createRule<Options, MessageIds>({
  name: 'no-inline-dispatcher',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow agents and dispatchers built inline in the options of a request',
      recommended: true,
    },
    hasSuggestions: true,
    messages: MESSAGES['no-inline-dispatcher'],
    schema: OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_OPTIONS,
  },
  create(context, [options]) {
    return reportFindings(context, options, 'no-inline-dispatcher');
  },
});
