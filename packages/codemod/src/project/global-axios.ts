// `axios.defaults.*` and `axios.interceptors.*` anywhere in the project: a fix that moves calls to
// a new axios instance would silently drop that configuration, so fixes keep the default export
// (and pass shared agents per call) when any file configures it.
import { displayText, type Node } from '@reuse-clients/core';
import type { ProjectPass } from './project-pass.js';

export interface GlobalAxiosSetting {
  file: string;
  line: number;
  column: number;
  /** `axios.interceptors.request.use`, `axios.defaults.headers.common` */
  code: string;
}

export function findGlobalAxiosConfiguration(pass: ProjectPass): GlobalAxiosSetting[] {
  const found: GlobalAxiosSetting[] = [];
  for (const file of pass.files.values()) {
    for (const node of file.analysis.globalAxiosConfiguration) {
      found.push({ file: file.path, line: node.loc.start.line, column: node.loc.start.column + 1, code: displayText(file.parsed.text, memberChain(node), 60) });
    }
  }
  return found;
}

/** The whole `axios.defaults.headers.common` chain that starts at `axios.defaults`. */
function memberChain(node: Node): Node {
  let current = node;
  while (current.parent?.type === 'MemberExpression' && current.parent.object === current) current = current.parent;
  return current;
}
