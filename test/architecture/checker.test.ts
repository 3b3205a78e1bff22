import assert from 'node:assert/strict';
import { cyclesNotAllowed, describeCycle, folderCycles, staleAllowances } from './folder-cycles';
import { fileImports, folderImports, relativeSpecifiers, resolveSpecifier } from './import-graph';
import { forbiddenImports } from './layers';

/** The import graph of an in-memory tree: path → source text. */
function graphOf(tree: Record<string, string>) {
  const sources = new Map(Object.entries(tree));
  return fileImports(sources, (path) => sources.has(path));
}

describe('the import graph checker', () => {
  it('sees type-only imports, re-exports, import() and require(); not comments, strings or packages', () => {
    const source = [
      "import type { A } from './a';",
      "export { b } from '../b';",
      "export type * from './c';",
      "type D = typeof import('./d');",
      "const e = require('./e');",
      "// import { f } from './f';",
      'const g = "import { g } from \'./g\'";',
      "import { h } from 'node:path';",
    ].join('\n');
    assert.deepEqual(relativeSpecifiers(source), ['./a', '../b', './c', './d', './e']);
  });

  it('resolves a specifier to a .ts file, a folder index or the .ts source of a .js name', () => {
    const files = new Set(['core/a.ts', 'core/b/index.ts', 'core/c.ts', 'core/d.json']);
    const isFile = (path: string) => files.has(path);
    assert.equal(resolveSpecifier('core/x/y.ts', '../a', isFile), 'core/a.ts');
    assert.equal(resolveSpecifier('core/y.ts', './b', isFile), 'core/b/index.ts');
    assert.equal(resolveSpecifier('core/y.ts', './c.js', isFile), 'core/c.ts');
    assert.equal(resolveSpecifier('core/y.ts', './d.json', isFile), 'core/d.json');
    assert.equal(resolveSpecifier('core/y.ts', './missing', isFile), undefined);
  });

  it('lists what it cannot resolve rather than leaving it out', () => {
    assert.deepEqual(graphOf({ 'cli/a.ts': "import './gone';" }).unresolved, ['cli/a.ts imports ./gone']);
  });

  it('finds a cycle between folders made of type-only imports, and only that one', () => {
    const { imports } = graphOf({
      'core/a/one.ts': "import type { Two } from '../b/two';",
      'core/b/two.ts': "import type { Three } from '../a/three'; import { four } from '../c/four';",
      'core/a/three.ts': 'export type Three = 3;',
      'core/c/four.ts': 'export const four = 4;',
    });
    const cycles = folderCycles(folderImports(imports));
    assert.deepEqual(
      cycles.map((cycle) => cycle.folders),
      [['core/a', 'core/b']],
    );
  });

  it('allows a cycle inside an allowed group, even shrunk; not one grown by another folder', () => {
    const cycleOf = (tree: Record<string, string>) => folderCycles(folderImports(graphOf(tree).imports));
    const allowed = [['x', 'x/a', 'x/b']];
    const shrunk = cycleOf({ 'x/i.ts': "import '../x/a/j';", 'x/a/j.ts': "import '../i';" });
    assert.deepEqual(cyclesNotAllowed(shrunk, allowed), []);
    assert.deepEqual(staleAllowances(shrunk, allowed), ['x/b']);

    const grown = cycleOf({
      'x/i.ts': "import './a/j';",
      'x/a/j.ts': "import '../i'; import '../../y/k';",
      'y/k.ts': "import '../x/i';",
    });
    const [notAllowed] = cyclesNotAllowed(grown, allowed);
    assert.deepEqual(notAllowed.folders, ['x', 'x/a', 'y']);
    const message = describeCycle(notAllowed, allowed);
    assert.match(message, /the allowed cycle of x → y:\n\s+x\/a\/j\.ts imports y\/k\.ts/);
    assert.match(message, /y → the allowed cycle of x:\n\s+y\/k\.ts imports x\/i\.ts/);
    assert.doesNotMatch(message, /x\/i\.ts imports x\/a\/j\.ts/, 'imports inside the allowed group are not the news');
  });

  it('forbids core/ → sandbox/, sandbox/ → core/ and cli/ ↔ extension/; allows cli/ → core/ and extension/ → sandbox/', () => {
    const { imports } = graphOf({
      'core/a.ts': "import '../sandbox/s';",
      'sandbox/s.ts': "import '../core/b';",
      'cli/c.ts': "import '../extension/e'; import '../core/b';",
      'extension/e.ts': "import '../cli/d'; import type { S } from '../sandbox/s';",
      'core/b.ts': '',
      'cli/d.ts': '',
    });
    assert.deepEqual(
      forbiddenImports(imports).map(({ from, to }) => `${from} → ${to}`),
      ['core/a.ts → sandbox/s.ts', 'sandbox/s.ts → core/b.ts', 'cli/c.ts → extension/e.ts', 'extension/e.ts → cli/d.ts'],
    );
  });
});
