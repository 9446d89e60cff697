// The rules' options, as the codemod judges with them: the same object every rule of the ESLint
// plugin takes (packages/eslint-plugin/src/options.ts), found per file in the project's ESLint
// config (eslint-config.ts) or given once with `--config <file>`. Plain data, so it crosses to the
// worker threads unchanged.
import { readFileSync } from 'node:fs';
import { nodeTargetFor, type AnalysisOptions, type RuleName, type RuleOptions } from '@reuse-clients/core';

export type { RuleOptions };

/** What one file is judged with. */
export interface FileRuleOptions {
  options: RuleOptions;
  /** The plugin's rules the config turns on for the file; absent: every rule. */
  rules?: RuleName[];
}

/** Where the options of a run come from, said once in the summary. */
export interface OptionsSource {
  from: 'eslint' | 'file' | 'defaults';
  /** One sentence for people: which config, or why the defaults. */
  detail: string;
}

export interface RuleOptionsData {
  source: OptionsSource;
  /** The distinct option sets of the run. */
  sets: FileRuleOptions[];
  /** Absolute file path → index into `sets`. */
  byFile: Record<string, number>;
  /** Index into `sets` for a file not listed; absent: such a file is judged with the defaults. */
  otherFiles?: number;
}

const DEFAULTS: FileRuleOptions = { options: {} };

/** The options of each file, from the run's data (none: the defaults for every file). */
export function ruleOptionsLookup(data: RuleOptionsData | undefined): (filePath: string) => FileRuleOptions {
  if (!data) return () => DEFAULTS;
  return (filePath) => {
    const index = data.byFile[filePath] ?? data.otherFiles;
    return (index === undefined ? undefined : data.sets[index]) ?? DEFAULTS;
  };
}

/** Core's analysis options for a file, as the rules pass them (packages/eslint-plugin/src/report.ts). */
export function analysisOptionsOf(file: FileRuleOptions, filePath: string): Pick<AnalysisOptions, 'catalog' | 'startupFunctions' | 'callbackApis' | 'probeFunctions' | 'lintTests' | 'reportCallerCredentials' | 'nodeTarget'> {
  const { options } = file;
  return {
    catalog: options.catalog ?? [],
    startupFunctions: options.startupFunctions ?? [],
    callbackApis: options.callbackApis ?? [],
    probeFunctions: options.probeFunctions ?? [],
    lintTests: options.lintTests ?? false,
    reportCallerCredentials: options.reportCallerCredentials ?? false,
    nodeTarget: options.nodeVersion ?? nodeTargetFor(filePath),
  };
}

/** Whether the file's config turns the rule on (a config without the plugin turns every rule on). */
export function ruleIsOn(file: FileRuleOptions, rule: RuleName): boolean {
  return file.rules === undefined || file.rules.includes(rule);
}

export class OptionsFileError extends Error {}

const OPTION_TYPES: Record<keyof RuleOptions, 'array' | 'string' | 'boolean'> = {
  catalog: 'array',
  startupFunctions: 'array',
  callbackApis: 'array',
  probeFunctions: 'array',
  nodeVersion: 'string',
  lintTests: 'boolean',
  reportCallerCredentials: 'boolean',
  typeChecked: 'boolean',
};

/** Checks the shape of a rule options object (the rules' schema has the details; ESLint checks those). */
export function checkRuleOptions(value: unknown, where: string): RuleOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new OptionsFileError(`${where}: expected an object of rule options`);
  for (const [key, option] of Object.entries(value)) {
    const type = OPTION_TYPES[key as keyof RuleOptions];
    if (type === undefined) throw new OptionsFileError(`${where}: unknown option "${key}" (known: ${Object.keys(OPTION_TYPES).join(', ')})`);
    if (type === 'array' ? !Array.isArray(option) : typeof option !== type) throw new OptionsFileError(`${where}: "${key}" must be ${type === 'array' ? 'an array' : `a ${type}`}`);
  }
  return value as RuleOptions;
}

/** `--config <file>`: a JSON file holding the options object the rules take; it applies to every file. */
export function readOptionsFile(filePath: string, shown: string): RuleOptionsData {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new OptionsFileError(`cannot read --config ${shown}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new OptionsFileError(`--config ${shown} is not JSON: ${(error as Error).message}`);
  }
  return { source: { from: 'file', detail: `the rules' options from ${shown}` }, sets: [{ options: checkRuleOptions(value, `--config ${shown}`) }], byFile: {}, otherFiles: 0 };
}
