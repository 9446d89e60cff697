// Removing a property from an object literal without leaving a dangling comma or an empty line; an
// options object left empty goes with it when it is a call's last argument.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Edit } from './edits.js';
import { removeStatement } from './lines.js';

export function removeProperty(text: string, property: TSESTree.Property): Edit[] {
  const object = property.parent as TSESTree.ObjectExpression;
  const index = object.properties.indexOf(property);
  if (object.properties.length === 1) {
    const call = object.parent;
    if ((call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.arguments[call.arguments.length - 1] === object && call.arguments.length > 1) {
      const previous = call.arguments[call.arguments.length - 2]!;
      const closing = text.indexOf(')', object.range[1]);
      const before = text.slice(previous.range[1], object.range[0]);
      const after = text.slice(object.range[1], closing);
      // Only whitespace and commas around it: the whole argument goes (a comment keeps `{}`).
      if (/^\s*,\s*$/.test(before) && /^\s*,?\s*$/.test(after)) return [{ start: previous.range[1], end: closing, text: '' }];
    }
    return [{ start: object.range[0], end: object.range[1], text: '{}' }];
  }
  const next = object.properties[index + 1];
  const comma = text.indexOf(',', property.range[1]);
  const ownLine = removeStatement(text, property);
  if (next) {
    // `a, b` → `b`: the property, its comma and the space up to the next property.
    if (ownLine.start < property.range[0] && text.slice(comma + 1, next.range[0]).includes('\n')) {
      const lineEnd = text.indexOf('\n', comma) + 1;
      return [{ start: ownLine.start, end: lineEnd, text: '' }];
    }
    return [{ start: property.range[0], end: next.range[0], text: '' }];
  }
  // The last property: from the end of the previous one.
  const previous = object.properties[index - 1]!;
  // A trailing comma after it stays, now after the previous property.
  return [{ start: previous.range[1], end: property.range[1], text: '' }];
}
