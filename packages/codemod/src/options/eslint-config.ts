// The rules' options as the project's own ESLint config gives them, per file: the ESLint the
// project installed computes each file's config (`calculateConfigForFile`), and the options are
// those of our plugin's rules under whatever prefix the config registered the plugin. ESLint is
// loaded only when an ESLint config above the target could use the plugin: loading a config that
// pulls in typescript-eslint took 3.7 s here, and a project without ESLint pays nothing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_NAMES, type RuleName } from '@reuse-clients/core';
import { checkRuleOptions, OptionsFileError, type FileRuleOptions, type RuleOptionsData } from './rule-options.js';

/** ESLint's flat config file names, in the order ESLint tries them. */
const FLAT_CONFIG_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
/** The eslintrc names ESLint 8 read; ESLint 10 reads none, and the plugin needs flat config. */
const LEGACY_CONFIG_FILES = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc'];
const PLUGIN_PACKAGE = 'eslint-plugin-reuse-clients';
const PLUGIN_NAMESPACE = 'reuse-clients';

interface FoundConfig {
  file: string;
  flat: boolean;
}

/** The nearest ESLint config file at or above `from`, as ESLint looks it up. */
export function findEslintConfig(from: string): FoundConfig | undefined {
  for (let directory = path.resolve(from); ; directory = path.dirname(directory)) {
    for (const name of FLAT_CONFIG_FILES) if (existsSync(path.join(directory, name))) return { file: path.join(directory, name), flat: true };
    for (const name of LEGACY_CONFIG_FILES) if (existsSync(path.join(directory, name))) return { file: path.join(directory, name), flat: false };
    if (path.dirname(directory) === directory) return undefined;
  }
}

/**
 * Whether the config can register the plugin at all: it names it, or the plugin is installed where
 * the config resolves packages. A config that does neither (the common lint setup without our
 * rules) is not loaded. Missed: a shared config package bringing the plugin under strict pnpm.
 */
function mayUsePlugin(config: FoundConfig): boolean {
  if (readText(config.file).includes(PLUGIN_NAMESPACE)) return true;
  // Looked up as an ES module import would (a config imports it so): node_modules folders upward,
  // not NODE_PATH, which pnpm's scripts fill with its whole store.
  for (let directory = path.dirname(config.file); ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, 'node_modules', PLUGIN_PACKAGE, 'package.json'))) return true;
    if (path.dirname(directory) === directory) return false;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

interface EslintLike {
  calculateConfigForFile(filePath: string): Promise<unknown>;
}

/** What the run learns from ESLint, and what goes wrong (said once, as a warning). */
export interface EslintOptionsResult {
  data: RuleOptionsData;
  warning?: string;
}

/** The options of each file from the project's ESLint config, or the defaults with the reason why. */
export async function eslintRuleOptions(files: readonly string[], searchFrom: string, shown: (file: string) => string): Promise<EslintOptionsResult> {
  const defaults = (detail: string, warning?: string): EslintOptionsResult => ({ data: { source: { from: 'defaults', detail }, sets: [], byFile: {} }, ...(warning ? { warning } : {}) });
  const config = findEslintConfig(searchFrom);
  if (!config) return defaults("the rules' default options (no ESLint config found; --config <file> gives options)");
  const configName = shown(config.file);
  if (!config.flat) return defaults(`the rules' default options (${configName} is an eslintrc config; the plugin is configured in flat config, eslint.config.js)`);
  if (!mayUsePlugin(config)) return defaults(`the rules' default options (${configName} does not use ${PLUGIN_PACKAGE})`);

  const loaded = await loadEslint(config.file).catch((error: unknown) => `cannot load ESLint for ${configName} (${(error as Error).message.split('\n')[0]})`);
  if (typeof loaded === 'string') return defaults(`the rules' default options (${loaded})`, `${loaded}; judging with the rules' default options`);
  const { eslint, version } = loaded;

  const sets: FileRuleOptions[] = [];
  const setIndex = new Map<string, number>();
  const byConfig = new Map<object, number | null>();
  const byFile: Record<string, number> = {};
  const notes = new Set<string>();
  try {
    for (const file of files) {
      const fileConfig = await eslint.calculateConfigForFile(file);
      // Ignored by the config: ESLint would not lint it; judged with the defaults, as without ESLint.
      if (typeof fileConfig !== 'object' || fileConfig === null) continue;
      // ESLint hands out one object per distinct set of matching config objects: read each once.
      let index = byConfig.get(fileConfig);
      if (index === undefined) {
        const options = pluginOptionsOf(fileConfig as CalculatedConfig, shown(file), notes);
        if (options === undefined) index = null;
        else {
          const key = JSON.stringify(options);
          index = setIndex.get(key) ?? sets.push(options) - 1;
          setIndex.set(key, index);
        }
        byConfig.set(fileConfig, index);
      }
      if (index !== null) byFile[file] = index;
    }
  } catch (error) {
    const why = error instanceof OptionsFileError ? error.message : `ESLint could not compute the config of a file (${(error as Error).message.split('\n')[0]})`;
    return defaults(`the rules' default options (${why})`, `${why}; judging with the rules' default options`);
  }
  const detail = `the rules' options in ${configName}${version ? ` (ESLint ${version})` : ''}, per file`;
  return { data: { source: { from: 'eslint', detail }, sets, byFile }, ...(notes.size > 0 ? { warning: [...notes].join('\n') } : {}) };
}

/** The project's own ESLint (resolved from the config file), set up where the config lives. */
async function loadEslint(configFile: string): Promise<{ eslint: EslintLike; version: string }> {
  const module = (await import(pathToFileURL(createRequire(configFile).resolve('eslint')).href)) as { ESLint: { new (options: { cwd: string }): EslintLike; version?: string; configType?: string } };
  if (module.ESLint.configType !== undefined && module.ESLint.configType !== 'flat') throw new Error('the installed ESLint reads eslintrc configs only');
  return { eslint: new module.ESLint({ cwd: path.dirname(configFile) }), version: module.ESLint.version ?? '' };
}

interface CalculatedConfig {
  plugins?: Record<string, { meta?: { name?: string; namespace?: string } } | undefined>;
  rules?: Record<string, unknown>;
}

/** The plugin's options in one file's config; undefined when the config does not register the plugin. */
function pluginOptionsOf(config: CalculatedConfig, file: string, notes: Set<string>): FileRuleOptions | undefined {
  const prefixes = Object.entries(config.plugins ?? {})
    .filter(([, plugin]) => plugin?.meta?.name === PLUGIN_PACKAGE || plugin?.meta?.namespace === PLUGIN_NAMESPACE)
    .map(([prefix]) => prefix);
  if (prefixes.length === 0) return undefined;
  const on: { rule: RuleName; options: unknown }[] = [];
  for (const rule of RULE_NAMES) {
    for (const prefix of prefixes) {
      const entry = config.rules?.[`${prefix}/${rule}`];
      if (entry === undefined) continue;
      const [severity, options] = Array.isArray(entry) ? entry : [entry];
      if (severity !== 0 && severity !== 'off') on.push({ rule, options: options ?? {} });
      break;
    }
  }
  const first = on[0];
  if (!first) return { options: {}, rules: [] };
  const differing = on.find((rule) => JSON.stringify(rule.options) !== JSON.stringify(first.options));
  if (differing) notes.add(`the rules in the ESLint config of ${file} have different options (${first.rule}, ${differing.rule}); the codemod judges every rule with those of ${first.rule}`);
  return { options: checkRuleOptions(first.options, `the options of ${first.rule} for ${file}`), rules: on.map((rule) => rule.rule) };
}
