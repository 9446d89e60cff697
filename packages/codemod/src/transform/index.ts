// The codemod transform: parse like the ESLint rules do, run the shared detector, plan text edits
// for every finding (hoisted, or left with a reason), and apply them to the original text so that
// untouched code keeps its bytes (comments, CRLF, BOM, shebang).
import { analyzeFile, createCatalog, mayMentionCatalog, normalizeModule, type KnownSite, type UserCatalogEntry } from '@reuse-clients/core';
import type { FileTransform } from '../engine/contract.js';
import { analysisOptionsOf, ruleIsOn, ruleOptionsLookup, type FileRuleOptions, type RuleOptionsData } from '../options/rule-options.js';
import { projectCatalogFromData, type ProjectCatalogData, type ReusableInstance, type UnshareableConstruction } from '../project/catalog-data.js';
import { applyEdits } from './edits.js';
import { parseFile, sourceTypeOf } from './parse.js';
import { outcomeOf, Planner } from './plan.js';
import { environmentFor } from './environment.js';
import { detectStyle } from './style.js';
import { withoutSuppressed } from './suppressions.js';

/** What other files say about this one (the project pass), and the rules' own options. */
export interface TransformContext {
  /** Extra catalog entries for a file: builders it imports from other files. */
  catalogFor?: (filePath: string) => readonly UserCatalogEntry[];
  /** Some file configures the global axios: default-axios calls keep it and get agents per call. */
  configuresGlobalAxios?: boolean;
  /** Constructions of a file that can import an instance another file already shares. */
  reusableFor?: (filePath: string) => readonly ReusableInstance[];
  /** Calls in a file of builders no catalog entry can name: other files' instance methods, same-file subclasses. */
  knownSitesFor?: (filePath: string) => readonly KnownSite[];
  /** Constructions in a file of other files' classes whose instances keep per-call state. */
  unshareableFor?: (filePath: string) => readonly UnshareableConstruction[];
  /** The rules' options for a file (the project's ESLint config, or `--config`); absent: the defaults. */
  optionsFor?: (filePath: string) => FileRuleOptions;
}

/** What a run hands the transform in every thread: the project pass's findings and the rules' options. */
export interface TransformData {
  project?: ProjectCatalogData;
  options?: RuleOptionsData;
}

export function createTransform(context: TransformContext = {}): FileTransform {
  // Parsing dominates a large run, and most files cannot name anything in the catalog: the
  // detector's own text check skips them before any parse (a file that does not parse but
  // names no catalog module is left as it is, which is all a fix could do with it anyway).
  // The CLI engine runs it too, first, to keep such files away from worker threads.
  const optionsFor = context.optionsFor ?? ruleOptionsLookup(undefined);
  const catalogOf = (filePath: string): UserCatalogEntry[] => [...(optionsFor(filePath).options.catalog ?? []), ...(context.catalogFor?.(filePath) ?? [])];
  const mayChange = (source: string, filePath: string): boolean =>
    (context.knownSitesFor?.(filePath).length ?? 0) > 0 || mayMentionCatalog(source, createCatalog(catalogOf(filePath)));
  const transform: FileTransform = (source, { keyed, filePath }) => {
    if (!mayChange(source, filePath)) return { output: null, hoisted: [], left: [] };
    const fileOptions = optionsFor(filePath);
    const parsed = parseFile(source, filePath);
    const analysed = analyzeFile(
      { ast: parsed.ast, scopeManager: parsed.scopeManager, sourceText: parsed.text },
      { ...analysisOptionsOf(fileOptions, filePath), catalog: catalogOf(filePath), knownSites: context.knownSitesFor?.(filePath) ?? [], filename: filePath, cwd: process.cwd() },
    );
    // A rule the file's ESLint config turns off reports nothing there, so nothing of it is fixed.
    const judged = fileOptions.rules ? { ...analysed, findings: analysed.findings.filter((finding) => ruleIsOn(fileOptions, finding.rule)) } : analysed;
    // Sites silenced with `eslint-disable` comments are the user's decision: not rewritten, only counted.
    const { analysis, suppressed } = withoutSuppressed(judged, parsed.ast.comments ?? []);
    const silenced = suppressed.length > 0 ? { suppressed: suppressed.map(outcomeOf) } : {};
    if (analysis.findings.length === 0) return { output: null, hoisted: [], left: [], ...silenced };
    const style = detectStyle(parsed.text, parsed.ast, parsed.isTypeScript, sourceTypeOf(parsed.ast, filePath), environmentFor(filePath, parsed.isTypeScript));
    const project = {
      configuresGlobalAxios: context.configuresGlobalAxios ?? false,
      reusable: context.reusableFor?.(filePath) ?? [],
      unshareable: context.unshareableFor?.(filePath) ?? [],
      // The project pass's entries name the project's own modules, however their specifier is spelled.
      projectModules: new Set((context.catalogFor?.(filePath) ?? []).map((entry) => normalizeModule(entry.module ?? ''))),
    };
    const plan = new Planner(parsed, style, analysis, keyed, project).run();
    const output = plan.edits.length === 0 ? null : parsed.bom + applyEdits(parsed.text, plan.edits);
    return { output: output === source ? null : output, hoisted: plan.hoisted, left: plan.left, ...silenced };
  };
  transform.mayChange = mayChange;
  return transform;
}

export const transformFile: FileTransform = createTransform();

/** The transform for one run, told what the project pass learnt and the rules' options (the engine calls this in every thread). */
export function transformForProject(data: TransformData): FileTransform {
  const optionsFor = ruleOptionsLookup(data.options);
  if (!data.project) return createTransform({ optionsFor });
  const catalog = projectCatalogFromData(data.project);
  return createTransform({ catalogFor: catalog.projectCatalogFor, configuresGlobalAxios: catalog.projectConfiguresGlobalAxios, reusableFor: catalog.reusableFor, knownSitesFor: catalog.knownSitesFor, unshareableFor: catalog.unshareableFor, optionsFor });
}
