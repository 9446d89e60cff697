// The project pass as the codemod consumes it: extra catalog entries per file, and whether the
// global axios is configured anywhere. Runs in-process on the fixture projects.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '@reuse-clients/core';
import { describe, expect, it } from 'vitest';
import { buildProjectCatalog, projectCatalogFromData, runProjectPass, type ProjectCatalogData } from '../../src/project/index.js';
import { parseFile } from '../../src/transform/parse.js';

const SCENARIOS_ROOT = fileURLToPath(new URL('../../../../fixtures/projects/', import.meta.url));
const catalogOf = (scenario: string) => buildProjectCatalog({ searchFrom: path.join(SCENARIOS_ROOT, scenario), files: [] });

describe('buildProjectCatalog', () => {
  it('gives a file the entries for the factories it imports, spelled as the file imports them', () => {
    const catalog = catalogOf('factory-one-layer');
    const routes = path.join(SCENARIOS_ROOT, 'factory-one-layer/src/routes.ts');
    // The entry carries the per-call cost of what the factory builds: the AWS SDK v3 family's fact.
    expect(catalog.projectCatalogFor(routes)).toEqual([
      {
        module: './clients.js',
        call: 'createCatalogClient',
        kind: 'client',
        message: '`createCatalogClient` (from ./clients.ts) builds `new S3Client()`.',
        facts: { perCall: expect.stringContaining('resolves credentials again and opens a new TCP+TLS connection') },
      },
    ]);
    expect(catalog.projectCatalogFor(path.join(SCENARIOS_ROOT, 'factory-one-layer/src/clients.ts'))).toEqual([]);
    expect(catalog.projectConfiguresGlobalAxios).toBe(false);
  });

  it('uses `export` for client classes (constructed with new) and `default` for default exports', () => {
    const handler = path.join(SCENARIOS_ROOT, 'client-class-per-request/src/handler.ts');
    const entries = catalogOf('client-class-per-request').projectCatalogFor(handler);
    expect(entries.map(({ module, export: name, call }) => ({ module, name, call }))).toEqual(
      expect.arrayContaining([
        { module: './pool-holder.js', name: 'default', call: undefined },
        { module: './cached-catalog-client.js', name: 'CachedCatalogClient', call: undefined },
        { module: './catalog-client.js', name: 'CatalogClient', call: undefined },
      ]),
    );
  });

  it('with those entries core reports the per-call factory call in the importing file, as the transform will see it', () => {
    const routes = path.join(SCENARIOS_ROOT, 'factory-one-layer/src/routes.ts');
    // Through JSON, as the main thread hands it to worker threads.
    const catalog = projectCatalogFromData(JSON.parse(JSON.stringify(catalogOf('factory-one-layer').data)) as ProjectCatalogData);
    const parsed = parseFile(
      "import { createCatalogClient } from './clients.js';\nexport const handler = async () => { await createCatalogClient('x').send({} as never); };\n",
      routes,
    );
    const { findings } = analyzeFile({ ast: parsed.ast, scopeManager: parsed.scopeManager, sourceText: parsed.text }, { catalog: catalog.projectCatalogFor(routes) });
    expect(findings.map((finding) => [finding.rule, finding.data.construct])).toEqual([['no-per-call-client', 'createCatalogClient()']]);
  });

  it('knows when the project configures the global axios', () => {
    expect(catalogOf('global-axios-config').projectConfiguresGlobalAxios).toBe(true);
  });
});

describe('the project pass under a time limit', () => {
  it('lists a file already known to take too long as a failure without trying it, and follows the rest', () => {
    const root = path.join(SCENARIOS_ROOT, 'factory-one-layer');
    const clients = path.join(root, 'src/clients.ts');
    const routes = path.join(root, 'src/routes.ts');
    const skipped = runProjectPass({ searchFrom: root, files: [], fileTimeoutMs: 60_000, skip: new Set([clients]) });
    expect(skipped.failures).toEqual([{ path: clients, message: 'took longer than 60 s; left as it was' }]);
    // Without clients.ts nothing leads routes.ts to a builder; with it, routes.ts gets its entry.
    expect(skipped.files.has(routes)).toBe(false);
    expect(runProjectPass({ searchFrom: root, files: [], fileTimeoutMs: 60_000 }).files.get(routes)?.entries.size).toBe(1);
  });
});

