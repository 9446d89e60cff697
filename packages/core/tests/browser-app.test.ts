// Browser app packages (context/browser-app.ts): all four signals of BROWSER_APP_PACKAGE, read from
// the nearest package.json's folder, and the reason silenced findings carry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_APP_PACKAGE, browserAppPackageReason } from '../src/index.js';
import { analyze } from './parse.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'reuse-clients-browser-app-'));

function pkg(name: string, manifest: object, files: string[]): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'src/lib'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, ...manifest }));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), '');
  }
  return path.join(dir, 'src/lib/api.ts');
}

describe('browser app packages', () => {
  it('names the evidence: HTML entry, bundler, UI library, no server framework', () => {
    const file = pkg('web', { dependencies: { vue: '3' }, devDependencies: { vite: '5' } }, ['index.html', 'vite.config.ts']);
    expect(browserAppPackageReason(file)).toBe('browser app package `web` (index.html, vite.config.ts, vue; no server framework)');
  });

  it('a bundler dependency stands in for a config file (Create React App)', () => {
    const file = pkg('cra', { dependencies: { 'react-dom': '18', 'react-scripts': '5' } }, ['public/index.html']);
    expect(browserAppPackageReason(file)).toBe('browser app package `cra` (public/index.html, react-scripts, react-dom; no server framework)');
  });

  it.each(BROWSER_APP_PACKAGE.serverPackages.slice(0, 3))('a dependency on %s makes it server code', (server) => {
    const file = pkg(`ssr-${server}`, { dependencies: { 'react-dom': '18', [server]: '1' }, devDependencies: { vite: '5' } }, ['index.html', 'vite.config.ts']);
    expect(browserAppPackageReason(file)).toBeUndefined();
  });

  it('needs a UI library and an HTML entry', () => {
    expect(browserAppPackageReason(pkg('no-ui', { devDependencies: { vite: '5' } }, ['index.html', 'vite.config.ts']))).toBeUndefined();
    expect(browserAppPackageReason(pkg('no-html', { dependencies: { 'react-dom': '18' }, devDependencies: { vite: '5' } }, ['vite.config.ts']))).toBeUndefined();
  });

  it('silenced findings carry it as their context', () => {
    const file = pkg('spa', { dependencies: { 'react-dom': '18' } }, ['index.html', 'webpack.config.js']);
    const analysis = analyze(`import axios from 'axios';\nexport function api(baseURL) { const http = axios.create({ baseURL }); return http.get('/me'); }`, { filename: file, cwd: root });
    expect(analysis.findings).toEqual([]);
    expect(analysis.silenced.map((finding) => finding.context)).toEqual([{ kind: 'browser', reason: 'browser app package `spa` (index.html, webpack.config.js, react-dom; no server framework)' }]);
  });
});
