// When are two constructions "identical constant options", so that they may share one instance?
// When they build the same thing with the same option values: property order, quotes, numeric
// separators and layout do not matter; anything else about the text does.
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';

export function sharingKey(text: string): string {
  let expression: TSESTree.Node | undefined;
  try {
    const program = parse(`(${text});`, { range: true, jsx: false });
    const statement = program.body[0];
    expression = statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
  } catch {
    expression = undefined;
  }
  const source = `(${text});`;
  return expression ? canonical(expression, source) : collapse(text);
}

function canonical(node: TSESTree.Node, source: string): string {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean' || node.value === null ? JSON.stringify(node.value) : collapse(node.raw);
    case 'NewExpression':
    case 'CallExpression':
      return `${node.type === 'NewExpression' ? 'new ' : ''}${canonical(node.callee, source)}(${node.arguments.map((argument) => canonical(argument, source)).join(',')})`;
    case 'ObjectExpression': {
      const simple = node.properties.every((property) => property.type === 'Property' && !property.computed && property.kind === 'init' && !property.method);
      if (!simple) return collapse(source.slice(node.range[0], node.range[1]));
      const entries = (node.properties as TSESTree.Property[]).map((property) => {
        const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : '?';
        return `${key}:${canonical(property.value, source)}`;
      });
      return `{${entries.sort().join(',')}}`;
    }
    default:
      return collapse(source.slice(node.range[0], node.range[1]));
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
