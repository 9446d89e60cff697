// Probes: code that wants a fresh connection on every run (a health check that must test
// connection set-up, a monitor that measures the handshake). Such a construction is per call on
// purpose. It is left alone, with the reason kept for people (`Analysis.quiet`), when:
// - the project names the function (`probeFunctions`);
// - it runs in a health check or monitor the probe table below recognises (`PROBE_CONVENTIONS`,
//   documented in docs/callback-apis.md): an API resolved through imports (a NestJS Terminus
//   health indicator, a @godaddy/terminus health check), or the monitor-type convention of
//   monitoring tools, which also needs the connection's target to come from the check itself;
// - the code itself says so in a way that only makes sense for a fresh connection: an agent built
//   with `maxCachedSessions: 0` (no TLS session reuse: every handshake is full), or a pooled
//   connection released with `release(true)` (pg, mysql2: destroy it, do not return it).
// `agent: false` or a comment alone is not enough: it is what the rules exist to catch.
import type { TSESTree } from '@typescript-eslint/types';
import { findProperty, isFunction, isTransparentWrapper, memberPropertyName, propertyKeyName, staticKeyName, unwrap, type Node } from './ast.js';
import { callValueSource } from './call-values.js';
import type { ModuleResolver } from './resolve.js';
import { readsOf, resolveName, type ScopeManagerLike } from './scope.js';

/** How a health check or monitor is recognised, and why its constructions are per call on purpose. */
export interface ProbeConvention {
  match:
    /** Methods of a class that extends this export (resolved through imports and requires). */
    | { subclassOf: { module: string; export: string } }
    /** Methods of a class whose constructor takes this export (NestJS injection by type). */
    | { injects: { module: string; export: string } }
    /** Functions held by this property of an options argument of the call (`{ healthChecks: { '/health': fn } }`). */
    | { callbackOf: { module: string; call: string; property: string } }
    /** A naming convention, not an API: methods of a class named so, or of a class that extends one. */
    | { className: RegExp; describe: string };
  /** Also required: the construction's target or settings come from the check (its parameters, or the instance). */
  targetFromCall: boolean;
  /** What it is, for reasons and docs: "a NestJS Terminus health indicator". */
  evidence: string;
  /** Where the API or convention is documented or seen. */
  source: string;
}

export const PROBE_CONVENTIONS: readonly ProbeConvention[] = [
  {
    match: { subclassOf: { module: '@nestjs/terminus', export: 'HealthIndicator' } },
    targetFromCall: false,
    evidence: 'a NestJS Terminus health indicator (its methods run on every health check)',
    source: '@nestjs/terminus 11.1.1 dist/health-indicator/health-indicator.d.ts ("A custom HealthIndicator should inherit the `HealthIndicator` class")',
  },
  {
    match: { injects: { module: '@nestjs/terminus', export: 'HealthIndicatorService' } },
    targetFromCall: false,
    evidence: 'a NestJS Terminus health indicator (a provider built on `HealthIndicatorService`, run on every health check)',
    source: '@nestjs/terminus 11.1.1 dist/health-indicator/health-indicator.service.d.ts',
  },
  {
    match: { callbackOf: { module: '@godaddy/terminus', call: 'createTerminus', property: 'healthChecks' } },
    targetFromCall: false,
    evidence: 'a @godaddy/terminus health check (runs on every request of its health route)',
    source: '@godaddy/terminus 4.12.1 lib/terminus.js (options.healthChecks[url] called per request)',
  },
  {
    match: { className: /(?:Monitor|MonitorType|HealthIndicator|HealthCheck|Probe)$/, describe: 'a class named `…Monitor`, `…MonitorType`, `…HealthIndicator`, `…HealthCheck` or `…Probe`, or extending one' },
    targetFromCall: true,
    evidence: 'a monitor or probe class checking a target it is given (monitoring tools build one connection per check on purpose)',
    source: 'convention of monitoring tools: `class PostgresMonitorType extends MonitorType { async check(monitor, heartbeat) {…} }` (uptime-kuma server/monitor-types)',
  },
];

export class ProbeDetector {
  constructor(
    private readonly scopeManager: ScopeManagerLike,
    private readonly resolver: ModuleResolver,
    private readonly matchers: readonly ((name: string) => boolean)[],
    private readonly conventions: readonly ProbeConvention[] = PROBE_CONVENTIONS,
  ) {}

  /**
   * Why the construction at `site`, judged per call at `at`, is a deliberate fresh connection
   * ("inside `checkUpstream`, named in probeFunctions"), or undefined when it is not one.
   */
  probeReason(site: Node, at: Node): string | undefined {
    const named = this.probeFunctionName(at);
    if (named) return `probe: inside \`${named}\`, named in probeFunctions`;
    if (saysFreshSession(site, this.scopeManager)) return 'probe: the agent sets `maxCachedSessions: 0` (a full TLS handshake on every use)';
    if (this.releasesDestroyed(site)) return 'probe: the connection is released with `release(true)` (destroyed, not pooled)';
    return this.conventionReason(site, at);
  }

  private probeFunctionName(node: Node): string | undefined {
    if (this.matchers.length === 0) return undefined;
    for (let current = node.parent; current; current = current.parent) {
      if (!isFunction(current)) continue;
      const name = functionName(current);
      if (name && this.matchers.some((matches) => matches(name))) return name;
    }
    return undefined;
  }

  /** A health check or monitor of the probe table around `at`. */
  private conventionReason(site: Node, at: Node): string | undefined {
    for (let current = at.parent; current; current = current.parent) {
      if (isFunction(current)) {
        const convention = this.conventions.find((entry) => 'callbackOf' in entry.match && this.isCallbackOf(current as Node, entry.match.callbackOf));
        if (convention && this.targetSays(convention, site)) return `probe: ${convention.evidence}`;
      }
      if (current.type !== 'ClassDeclaration' && current.type !== 'ClassExpression') continue;
      for (const convention of this.conventions) {
        const name = this.classMatches(current, convention);
        if (name && this.targetSays(convention, site)) {
          const from = convention.targetFromCall ? `; its target comes from ${callValueSource(this.scopeManager, site, { instance: true })}` : '';
          return `probe: in \`${name}\`, ${convention.evidence}${from}`;
        }
      }
    }
    return undefined;
  }

  private targetSays(convention: ProbeConvention, site: Node): boolean {
    if (!convention.targetFromCall) return true;
    if (site.type !== 'NewExpression' && site.type !== 'CallExpression') return false;
    return site.arguments.some((argument) => callValueSource(this.scopeManager, argument, { instance: true }) !== undefined);
  }

  /** The class (or base class) name that makes `classNode` match, or undefined. */
  private classMatches(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, convention: ProbeConvention): string | undefined {
    const { match } = convention;
    const display = classNode.id?.name ?? 'class';
    if ('subclassOf' in match) return classNode.superClass && this.isExport(classNode.superClass, match.subclassOf) ? display : undefined;
    if ('injects' in match) return this.injects(classNode, match.injects) ? display : undefined;
    if ('className' in match) {
      if (classNode.id && match.className.test(classNode.id.name)) return display;
      const base = classNode.superClass && unwrap(classNode.superClass);
      const baseName = base?.type === 'Identifier' ? base.name : base?.type === 'MemberExpression' ? memberPropertyName(base) : undefined;
      return baseName && match.className.test(baseName) ? `${display} extends ${baseName}` : undefined;
    }
    return undefined;
  }

  private isExport(expression: Node, target: { module: string; export: string }): boolean {
    const value = this.resolver.valueOf(expression);
    return !!value && value.module === target.module && value.path.length === 1 && value.path[0] === target.export;
  }

  /** `constructor(private readonly health: HealthIndicatorService)`: a parameter typed with the export. */
  private injects(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, target: { module: string; export: string }): boolean {
    const constructor = classNode.body.body.find((member) => member.type === 'MethodDefinition' && member.kind === 'constructor') as TSESTree.MethodDefinition | undefined;
    return !!constructor?.value.params.some((param) => {
      const parameter = param.type === 'TSParameterProperty' ? param.parameter : param;
      const annotation = 'typeAnnotation' in parameter ? parameter.typeAnnotation?.typeAnnotation : undefined;
      return annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' && this.isExport(annotation.typeName, target);
    });
  }

  /** `createTerminus(server, { healthChecks: { '/health': fn } })`. */
  private isCallbackOf(fn: Node, target: { module: string; call: string; property: string }): boolean {
    const inner = fn.parent;
    if (inner?.type !== 'Property' || inner.value !== fn) return false;
    const checks = inner.parent;
    const holder = checks?.parent;
    if (checks?.type !== 'ObjectExpression' || holder?.type !== 'Property' || holder.value !== checks || staticKeyName(holder.key, holder.computed) !== target.property) return false;
    const options = holder.parent;
    const call = options?.parent;
    if (call?.type !== 'CallExpression' || !call.arguments.includes(options as TSESTree.CallExpressionArgument)) return false;
    return this.isExport(call.callee, { module: target.module, export: target.call });
  }

  /** `const c = await pool.connect(); … c.release(true)` on the construction or a connection from it. */
  private releasesDestroyed(site: Node): boolean {
    const local = boundLocal(site);
    if (!local) return false;
    const variable = resolveName(this.scopeManager, local, local.name);
    if (!variable) return false;
    return readsOf(variable).some((reference) => {
      const use = climb(reference.identifier as Node);
      if (isReleaseTrue(use)) return true;
      // `const connection = await pool.getConnection()` / `pool.connect()`: follow one step.
      const member = use.parent;
      if (member?.type !== 'MemberExpression' || member.object !== use || member.parent?.type !== 'CallExpression') return false;
      const connection = boundLocal(member.parent);
      const connectionVariable = connection && resolveName(this.scopeManager, connection, connection.name);
      return !!connectionVariable && readsOf(connectionVariable).some((inner) => isReleaseTrue(climb(inner.identifier as Node)));
    });
  }
}

/** `new https.Agent({ maxCachedSessions: 0 })`, also through a local `const options = { … }`. */
function saysFreshSession(site: Node, scopeManager: ScopeManagerLike): boolean {
  if (site.type !== 'NewExpression' && site.type !== 'CallExpression') return false;
  return site.arguments.some((argument) => {
    let object = unwrap(argument);
    if (object.type === 'Identifier') {
      const definition = resolveName(scopeManager, object, object.name)?.defs[0];
      const init = definition?.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.id.type === 'Identifier' ? definition.node.init : undefined;
      if (init) object = unwrap(init);
    }
    if (object.type !== 'ObjectExpression') return false;
    const property = findProperty(object, 'maxCachedSessions');
    return !!property && property.value.type === 'Literal' && property.value.value === 0;
  });
}

function isReleaseTrue(node: Node): boolean {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node || memberPropertyName(member) !== 'release') return false;
  const call = member.parent;
  const argument = call?.type === 'CallExpression' && call.callee === member ? call.arguments[0] : undefined;
  return argument?.type === 'Literal' && argument.value === true;
}

/** The local a value is bound to: `const x = value`, `const x = await value`. */
function boundLocal(value: Node): TSESTree.Identifier | undefined {
  let node = value;
  while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'AwaitExpression')) node = node.parent;
  const parent = node.parent;
  return parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' ? parent.id : undefined;
}

function climb(node: Node): Node {
  let current = node;
  while (current.parent && isTransparentWrapper(current.parent)) current = current.parent;
  return current;
}

function functionName(fn: Node): string | undefined {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition' || parent?.type === 'Property') return propertyKeyName(parent);
  if (parent?.type === 'AssignmentExpression') {
    const left = unwrap(parent.left);
    if (left.type === 'Identifier') return left.name;
    if (left.type === 'MemberExpression') return memberPropertyName(left);
  }
  return undefined;
}
