// Every place a project says which Node runs it, as data: which files to read in a directory, and
// how to read a Node version (or a few) out of each. The order of the table is the order of trust
// within one directory: `engines.node` first, then version-manager files, then what deploys the
// code (container images, Lambda runtimes). node-target.ts walks from the linted file upwards and
// takes the first directory that has any of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface NodeVersionSource {
  /** How the source is named in messages, e.g. `.nvmrc` or `engines.node`. */
  label: string;
  /** The file names in a directory that this source reads. */
  matches: (fileName: string) => boolean;
  /** The Node majors or ranges the file states; empty when it states none. */
  read: (text: string) => string[];
  /** Read the source from more files than the one matched (a CDK app's code under cdk.json). */
  expand?: (directory: string) => string[];
}

/** Version-manager aliases: LTS code names (nodejs/Release), in the forms nvm and fnm accept. */
const LTS_CODENAMES: Readonly<Record<string, string>> = {
  argon: '4',
  boron: '6',
  carbon: '8',
  dubnium: '10',
  erbium: '12',
  fermium: '14',
  gallium: '16',
  hydrogen: '18',
  iron: '20',
  jod: '22',
  krypton: '24',
};

/** `22`, `v22.11.0`, `22.x`, `lts/jod`; nothing for `lts/*`, `node`, `latest` (a maintained Node). */
export function versionOf(text: string): string | undefined {
  const value = text.trim().replace(/^v(?=\d)/, '');
  const lts = /^lts\/(\w+)$/i.exec(value);
  if (lts) return LTS_CODENAMES[lts[1]!.toLowerCase()];
  const version = /^(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?$/.exec(value);
  return version ? value.replace(/\.x/g, '') : undefined;
}

function firstLineVersion(text: string): string[] {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '' && !candidate.trim().startsWith('#'));
  const version = line === undefined ? undefined : versionOf(line);
  return version === undefined ? [] : [version];
}

function manifestField(text: string, pick: (manifest: { engines?: { node?: unknown }; volta?: { node?: unknown } }) => unknown): string[] {
  try {
    const value = pick(JSON.parse(text) as never);
    return typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
  } catch {
    return [];
  }
}

/** asdf/mise: `nodejs 22.11.0` or `node 22` (several versions: the first is the one used). */
function toolVersions(text: string): string[] {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:nodejs|node)\s+(\S+)/.exec(line);
    if (match) {
      const version = versionOf(match[1]!);
      return version === undefined ? [] : [version];
    }
  }
  return [];
}

/**
 * The Node of the image the last `FROM` runs on (multi-stage builds end with the runtime stage):
 * `node:22-alpine`, `public.ecr.aws/lambda/nodejs:20`, `gcr.io/distroless/nodejs22-debian12`,
 * with `ARG NODE_VERSION=22` defaults substituted. A last stage that is not Node says nothing.
 */
function dockerfile(text: string): string[] {
  const args = new Map<string, string>();
  let last: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const arg = /^\s*ARG\s+(\w+)=["']?([^\s"']+)/i.exec(line);
    if (arg) args.set(arg[1]!, arg[2]!);
    const from = /^\s*FROM\s+(?:--\S+\s+)*(\S+)/i.exec(line);
    if (!from) continue;
    const image = from[1]!.replace(/\$\{?(\w+)(?::-([^}]*))?\}?/g, (_, name: string, fallback?: string) => args.get(name) ?? fallback ?? '');
    last = nodeImageVersion(image);
  }
  return last;
}

function nodeImageVersion(image: string): string[] {
  const [name = '', tag = ''] = image.split('@')[0]!.split(/:(?=[^/]*$)/);
  const base = name.split('/').pop() ?? '';
  const inName = /^nodejs(\d+)\b/.exec(base); // distroless: nodejs22-debian12
  if (inName) return [inName[1]!];
  if (!/^(?:node|nodejs|aws-lambda-nodejs|javascript-node|typescript-node)$/.test(base)) return [];
  const version = /^v?(\d+(?:\.\d+){0,2})\b/.exec(tag);
  return version ? [version[1]!] : [];
}

/** Lambda runtimes: `nodejs22.x` (serverless, SAM, terraform) and `Runtime.NODEJS_22_X` (CDK). */
function lambdaRuntimes(text: string): string[] {
  const majors = new Set<string>();
  for (const match of text.matchAll(/\bnodejs(\d+)\.x\b|\bRuntime[._]NODEJS_(\d+)_X\b/g)) majors.add(match[1] ?? match[2]!);
  return [...majors];
}

const CDK_CODE = /\.(?:[cm]?[jt]s|py|java|cs|go)$/;
const CDK_SKIPPED_FOLDERS = new Set(['node_modules', 'cdk.out', 'dist', 'build', '.git', 'coverage']);
/** A CDK app states runtimes in its code; read a bounded number of small files under cdk.json. */
const CDK_MAX_FILES = 300;
const CDK_MAX_BYTES = 256 * 1024;
const CDK_MAX_DEPTH = 4;

function cdkCode(directory: string): string[] {
  const files: string[] = [];
  const pending: [string, number][] = [[directory, 0]];
  while (pending.length > 0 && files.length < CDK_MAX_FILES) {
    const [current, depth] = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (depth < CDK_MAX_DEPTH && !CDK_SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) pending.push([full, depth + 1]);
      } else if (entry.isFile() && CDK_CODE.test(entry.name) && !entry.name.endsWith('.d.ts') && sizeOf(full) <= CDK_MAX_BYTES) {
        files.push(full);
        if (files.length >= CDK_MAX_FILES) break;
      }
    }
  }
  return files;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return Infinity;
  }
}

/** Reads a file of the table, or '' when it cannot be read. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const named = (name: string) => (fileName: string) => fileName === name;

export const NODE_VERSION_SOURCES: readonly NodeVersionSource[] = [
  { label: 'engines.node', matches: named('package.json'), read: (text) => manifestField(text, (manifest) => manifest.engines?.node) },
  { label: '.nvmrc', matches: named('.nvmrc'), read: firstLineVersion },
  { label: '.node-version', matches: named('.node-version'), read: firstLineVersion },
  { label: '.tool-versions', matches: named('.tool-versions'), read: toolVersions },
  { label: 'volta.node', matches: named('package.json'), read: (text) => manifestField(text, (manifest) => manifest.volta?.node) },
  { label: 'Dockerfile', matches: (name) => /^Dockerfile(?:\.[\w.-]+)?$|\.Dockerfile$/.test(name), read: dockerfile },
  { label: 'serverless.yml', matches: (name) => /^serverless\.(?:ya?ml|ts|js|json)$/.test(name), read: lambdaRuntimes },
  { label: 'SAM template', matches: (name) => /^template\.(?:ya?ml|json)$/.test(name), read: lambdaRuntimes },
  { label: 'CDK app', matches: named('cdk.json'), read: lambdaRuntimes, expand: cdkCode },
  { label: 'terraform', matches: (name) => name.endsWith('.tf'), read: lambdaRuntimes },
];
