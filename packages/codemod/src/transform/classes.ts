// Constructor-level instances: a site inside an instance method becomes a field of its class,
// initialised once per instance. Options reading `this.*` are assigned in the constructor body,
// after what they read (a field initialiser would hit TS2729); others become a `private readonly`
// field initialiser in TypeScript, or a constructor assignment in JavaScript.
import { isFunction, memberPropertyName, propertyKeyName, resolveName, uniqueName, walk, type Node } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Edit } from './edits.js';
import { afterTrailingComment, indentationAt } from './lines.js';
import type { ParsedFile } from './parse.js';
import type { FileStyle } from './style.js';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class whose instance `this` means at `node`, when `node` runs in an instance method. */
export function enclosingInstanceClass(node: Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ArrowFunctionExpression') {
      const holder = current.parent;
      if (holder?.type === 'PropertyDefinition' && holder.value === current && !holder.static) return holder.parent?.parent as ClassNode;
      continue;
    }
    if (isFunction(current)) {
      const holder = current.parent;
      if (holder?.type === 'MethodDefinition' && holder.value === current && !holder.static && holder.kind !== 'constructor') return holder.parent?.parent as ClassNode;
      return undefined;
    }
  }
  return undefined;
}

/** Every `new C()` of this class in the file. */
export function classConstructions(classNode: ClassNode, parsed: ParsedFile): TSESTree.NewExpression[] {
  const declarator = classNode.parent?.type === 'VariableDeclarator' ? classNode.parent : undefined;
  const name = classNode.id ?? (declarator?.id.type === 'Identifier' ? declarator.id : undefined);
  if (!name) return [];
  const variable = parsed.scopeManager.scopes.flatMap((scope) => scope.variables).find((candidate) => candidate.defs.some((definition) => definition.name === name));
  if (!variable) return [];
  return variable.references
    .map((reference) => (reference.identifier as Node).parent)
    .filter((parent): parent is TSESTree.NewExpression => parent?.type === 'NewExpression' && parent.callee.type === 'Identifier' && parent.callee.name === name.name);
}

export function constructorOf(classNode: ClassNode): TSESTree.MethodDefinition | undefined {
  return classNode.body.body.find((member): member is TSESTree.MethodDefinition => member.type === 'MethodDefinition' && member.kind === 'constructor');
}

/**
 * Names a member may not take: fields, methods, parameter properties, `this.x` assignments — of the
 * class and of its base classes declared in this file (a base from elsewhere cannot be checked).
 */
function memberNames(classNode: ClassNode, parsed: ParsedFile, seen = new Set<ClassNode>()): Set<string> {
  const names = new Set<string>();
  seen.add(classNode);
  const base = baseClass(classNode, parsed);
  if (base && !seen.has(base)) for (const name of memberNames(base, parsed, seen)) names.add(name);
  for (const member of classNode.body.body) {
    if (member.type === 'PropertyDefinition' || member.type === 'MethodDefinition' || member.type === 'TSAbstractPropertyDefinition' || member.type === 'TSAbstractMethodDefinition') {
      const name = propertyKeyName(member as TSESTree.PropertyDefinition);
      if (name) names.add(name);
    }
  }
  for (const parameter of constructorOf(classNode)?.value.params ?? []) {
    if (parameter.type === 'TSParameterProperty') {
      const inner = parameter.parameter.type === 'AssignmentPattern' ? parameter.parameter.left : parameter.parameter;
      if (inner.type === 'Identifier') names.add(inner.name);
    }
  }
  walk(classNode.body, (node) => {
    if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression') {
      const name = memberPropertyName(node);
      if (name) names.add(name);
    }
  });
  return names;
}

function baseClass(classNode: ClassNode, parsed: ParsedFile): ClassNode | undefined {
  const superClass = classNode.superClass;
  if (superClass?.type !== 'Identifier') return undefined;
  const variable = resolveName(parsed.scopeManager, classNode, superClass.name);
  const definition = variable?.defs[0];
  const node = definition?.node;
  return definition?.type === 'ClassName' && (node?.type === 'ClassDeclaration' || node?.type === 'ClassExpression') ? node : undefined;
}

/** Why `this.<name>` may not be ready when the constructor body ends, if it may not. */
export function unsetMember(classNode: ClassNode, names: Iterable<string>, parsed: ParsedFile): string | undefined {
  const ready = readyMembers(classNode, parsed, new Set());
  for (const name of names) if (!ready.has(name)) return name;
  return undefined;
}

/** A member the options read that a method (not the constructor) assigns again, with that method. */
export function reassignedAfterConstruction(classNode: ClassNode, names: ReadonlySet<string>): { member: string; method: string } | undefined {
  let found: { member: string; method: string } | undefined;
  for (const member of classNode.body.body) {
    if (found) break;
    if (member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') continue;
    if (member.type === 'MethodDefinition' && member.kind === 'constructor') continue;
    if (member.type === 'PropertyDefinition' && !isFunction(member.value)) continue;
    const method = propertyKeyName(member) ?? 'a method';
    walk(member, (node) => {
      if (found) return false;
      let target: Node | undefined = node.type === 'AssignmentExpression' ? node.left : node.type === 'UpdateExpression' ? node.argument : undefined;
      // `this.ca = …`, and also writes through it: `this.tls.ca = …`.
      while (target?.type === 'MemberExpression' && target.object.type !== 'ThisExpression') target = target.object;
      if (target?.type === 'MemberExpression') {
        const name = memberPropertyName(target);
        if (name && names.has(name)) found = { member: name, method };
      }
      return !found;
    });
  }
  return found;
}

/** Members set once a constructor body has run: its own and, after `super()`, its in-file bases'. */
function readyMembers(classNode: ClassNode, parsed: ParsedFile, seen: Set<ClassNode>): Set<string> {
  seen.add(classNode);
  const base = baseClass(classNode, parsed);
  const ready = base && !seen.has(base) ? readyMembers(base, parsed, seen) : new Set<string>();
  const ctor = constructorOf(classNode);
  for (const member of classNode.body.body) {
    if (member.type === 'StaticBlock' || member.static) continue;
    if (member.type === 'MethodDefinition' && member.kind !== 'constructor') ready.add(propertyKeyName(member) ?? '');
    if (member.type === 'PropertyDefinition' && member.value) ready.add(propertyKeyName(member) ?? '');
  }
  for (const parameter of ctor?.value.params ?? []) {
    if (parameter.type !== 'TSParameterProperty') continue;
    const inner = parameter.parameter.type === 'AssignmentPattern' ? parameter.parameter.left : parameter.parameter;
    if (inner.type === 'Identifier') ready.add(inner.name);
  }
  for (const statement of ctor?.value.body?.body ?? []) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
    const target = statement.expression.left;
    if (target.type === 'MemberExpression' && target.object.type === 'ThisExpression') ready.add(memberPropertyName(target) ?? '');
  }
  return ready;
}

interface ClassState {
  taken: Set<string>;
  shared: Map<string, string>;
  bodyOpened: boolean;
  /** Fields declared at the top of the body by this transform. */
  fields: number;
  /** Assignments for a constructor this transform creates (emitted by `finish`). */
  created?: { header: string[]; assignments: string[]; bodyIndent: string; memberIndent: string };
}

export class ClassFields {
  private states = new Map<ClassNode, ClassState>();
  private sequence = 0;

  private readonly text: string;

  constructor(
    private readonly parsed: ParsedFile,
    private readonly style: FileStyle,
    private readonly push: (edit: Edit) => void,
  ) {
    this.text = parsed.text;
  }

  private state(classNode: ClassNode): ClassState {
    let state = this.states.get(classNode);
    if (!state) {
      state = { taken: memberNames(classNode, this.parsed), shared: new Map(), bodyOpened: false, fields: 0 };
      this.states.set(classNode, state);
    }
    return state;
  }

  snapshot(): () => void {
    const copy = new Map(
      [...this.states].map(([key, state]) => [
        key,
        { ...state, taken: new Set(state.taken), shared: new Map(state.shared), ...(state.created ? { created: { ...state.created, assignments: [...state.created.assignments] } } : {}) },
      ]),
    );
    return () => {
      this.states = copy;
    };
  }

  memberIndent(classNode: ClassNode): string {
    const first = classNode.body.body[0];
    return first ? indentationAt(this.text, first.range[0]) : indentationAt(this.text, classNode.range[0]) + this.style.indent;
  }

  /** `private readonly <name> = <expression>;` at the top of the class body (TypeScript). */
  fieldInitialiser(classNode: ClassNode, base: string, expression: (indent: string) => string): string {
    const state = this.state(classNode);
    const indent = this.memberIndent(classNode);
    const text = expression(indent);
    const known = state.shared.get(`field:${text}`);
    if (known) return known;
    const name = this.takeName(state, base);
    state.shared.set(`field:${text}`, name);
    this.insertAtBodyStart(classNode, `${this.style.newline}${indent}private readonly ${name} = ${text}${this.style.semicolon}`);
    return name;
  }

  /**
   * `this.<name> = <expression>;` at the end of the constructor body (created when missing), with a
   * `private readonly <name>: <type>;` declaration in TypeScript. Returns undefined when a
   * TypeScript constructor would be needed for a derived class whose base cannot be named.
   */
  constructorAssignment(classNode: ClassNode, base: string, typeText: string | undefined, expression: (indent: string) => string): string | undefined {
    const state = this.state(classNode);
    const { newline, indent: unit, semicolon } = this.style;
    const memberIndent = this.memberIndent(classNode);
    const ctor = constructorOf(classNode);
    const body = ctor?.value.body;
    const bodyIndent = body?.body[0] ? indentationAt(this.text, body.body[0].range[0]) : memberIndent + unit;
    const text = expression(bodyIndent);
    const known = state.shared.get(`ctor:${text}`);
    if (known) return known;
    const superClass = classNode.superClass;
    if (!ctor && superClass && this.style.typescript && superClass.type !== 'Identifier') return undefined;
    const last = body?.body[body.body.length - 1];
    if (last && (last.type === 'ReturnStatement' || last.type === 'ThrowStatement')) return undefined;
    const name = this.takeName(state, base);
    state.shared.set(`ctor:${text}`, name);
    if (this.style.typescript) this.insertAtBodyStart(classNode, `${newline}${memberIndent}private readonly ${name}: ${typeText}${semicolon}`);
    const assignment = `this.${name} = ${text}${semicolon}`;
    if (!ctor || !body) {
      const parameters = superClass ? (this.style.typescript ? `...args: ConstructorParameters<typeof ${this.text.slice(superClass.range[0], superClass.range[1])}>` : '...args') : '';
      state.created ??= {
        header: [`constructor(${parameters}) {`, ...(superClass ? [`super(...args)${semicolon}`] : [])],
        assignments: [],
        bodyIndent,
        memberIndent,
      };
      state.created.assignments.push(assignment);
      return name;
    }
    if (last) {
      this.push({ start: afterTrailingComment(this.text, last.range[1]), end: afterTrailingComment(this.text, last.range[1]), text: `${newline}${bodyIndent}${assignment}`, order: this.sequence++ });
    } else {
      if (!state.bodyOpened) {
        state.bodyOpened = true;
        this.push({ start: body.range[0] + 1, end: body.range[1] - 1, text: `${newline}${memberIndent}`, order: Number.MAX_SAFE_INTEGER });
      }
      this.push({ start: body.range[0] + 1, end: body.range[0] + 1, text: `${newline}${bodyIndent}${assignment}`, order: this.sequence++ });
    }
    return name;
  }

  /** Emits the constructors created for classes that had none, after the class's fields. */
  finish(): void {
    const { newline } = this.style;
    for (const [classNode, state] of this.states) {
      const first = classNode.body.body[0];
      if (state.fields > 0 && first && first.type !== 'PropertyDefinition' && !state.created) {
        // New fields above a constructor or method: a blank line between them.
        const offset = classNode.body.range[0] + 1;
        this.push({ start: offset, end: offset, text: newline, order: 999_999 });
      }
      if (!state.created) continue;
      const { header, assignments, bodyIndent, memberIndent } = state.created;
      const lines = [`${memberIndent}${header[0]}`, ...header.slice(1).map((line) => `${bodyIndent}${line}`), ...assignments.map((line) => `${bodyIndent}${line}`), `${memberIndent}}`];
      const members = classNode.body.body;
      const firstOther = members.findIndex((member) => member.type !== 'PropertyDefinition');
      const lastField = (firstOther === -1 ? members : members.slice(0, firstOther)).filter((member) => member.type === 'PropertyDefinition').pop();
      if (lastField) {
        const offset = afterTrailingComment(this.text, lastField.range[1]);
        this.push({ start: offset, end: offset, text: `${newline}${newline}${lines.join(newline)}`, order: this.sequence++ });
      } else {
        const gap = state.fields > 0 ? newline : '';
        this.insertAtBodyStart(classNode, `${gap}${newline}${lines.join(newline)}${newline}`, 1);
      }
    }
  }

  private takeName(state: ClassState, base: string): string {
    const name = uniqueName(base, state.taken);
    state.taken.add(name);
    return name;
  }

  private insertAtBodyStart(classNode: ClassNode, text: string, group = 0): void {
    const offset = classNode.body.range[0] + 1;
    if (group === 0) this.state(classNode).fields += 1;
    this.push({ start: offset, end: offset, text, order: group * 1_000_000 + this.sequence++ });
  }
}
