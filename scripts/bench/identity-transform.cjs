// The jscodeshift baseline: parse every file and print it back, changing nothing. This is the
// least any jscodeshift codemod does per file; a real one also walks and edits the tree.
// The parser is chosen per file (`ts` for .ts, where `<T>x` is a cast; `tsx` otherwise), the
// setting jscodeshift users are told to use for mixed JS/TS code bases.
'use strict';

module.exports = function identity(file, api) {
  const j = api.jscodeshift.withParser(/\.[cm]?ts$/.test(file.path) ? 'ts' : 'tsx');
  return j(file.source).toSource();
};
