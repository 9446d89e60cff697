import { ESLintUtils } from '@typescript-eslint/utils';

export interface ReuseClientsDocs {
  description: string;
  recommended?: boolean;
  requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<ReuseClientsDocs>(
  (name) => `https://github.com/reuse-clients/reuse-clients/blob/main/docs/rules/${name}.md`,
);
