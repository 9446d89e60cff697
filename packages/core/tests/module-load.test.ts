// A helper called at module load with a zero-argument factory whose result a module constant keeps
// (`const prisma = remember('prisma', () => new PrismaClient())`) runs the factory once, and the
// reason says why; a constant the file calls is a getter, so nothing is assumed there.
import { describe, expect, it } from 'vitest';
import { analyze, findingsOf } from './parse.js';

describe('factories handed to a helper at module load', () => {
  it('a helper from a project file: once, with the helper and the constant in the reason', () => {
    const analysis = analyze(`import { PrismaClient } from '@prisma/client';\nimport { remember } from './utils/remember';\nexport const prisma = remember('prisma', () => new PrismaClient());`);
    expect(analysis.findings).toEqual([]);
    expect(analysis.sites[0]?.frequency).toEqual({ kind: 'once', reason: '`remember()` runs once, at module load, with this zero-argument factory, and its result is kept in `prisma`' });
  });

  it('not for a helper from an unknown package, a `let`, a call inside a function, or a constant the file calls', () => {
    const pg = `import { Pool } from 'pg';\n`;
    expect(findingsOf(`${pg}import { wrap } from 'acme-wrap';\nexport const pool = wrap(() => new Pool());`)).toEqual(['no-per-call-client@3:32 perCall']);
    expect(findingsOf(`${pg}import { remember } from './remember';\nexport let pool = remember('p', () => new Pool());`)).toEqual(['no-per-call-client@3:39 perCall']);
    expect(findingsOf(`${pg}import { remember } from './remember';\nexport function get() { const pool = remember('p', () => new Pool()); return pool; }`)).toEqual(['no-per-call-client@3:58 perCall']);
    expect(findingsOf(`${pg}import { lazy } from './lazy';\nconst pool = lazy(() => new Pool());\nexport const q = (sql) => pool().query(sql);`)).toEqual(['no-per-call-client@3:25 perCall']);
  });
});
