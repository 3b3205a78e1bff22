import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Golden files. Run the tests with `UPDATE_GOLDENS=1` to rewrite every golden from the current
 * output instead of comparing (then read the diff before committing it):
 *
 *   UPDATE_GOLDENS=1 npx mocha 'test/cli/**\/*.test.ts' 'test/corpus/**\/*.test.ts'
 */
export const UPDATING_GOLDENS = process.env.UPDATE_GOLDENS === '1';

/** Compares `actual` with the golden file at `path` (or writes it when updating). */
export function expectGolden(path: string, actual: string, what = path): void {
  if (UPDATING_GOLDENS) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `golden ${path} is missing: run the tests with UPDATE_GOLDENS=1 to write it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${what} differs from its golden ${path}`);
}

/**
 * Like `expectGolden` for output that is usually empty: an empty output must have no golden,
 * and a non-empty one must match its golden.
 */
export function expectOptionalGolden(path: string, actual: string, what = path): void {
  if (UPDATING_GOLDENS) {
    if (actual === '') rmSync(path, { force: true });
    else expectGolden(path, actual, what);
    return;
  }
  if (!existsSync(path)) {
    assert.equal(actual, '', `${what} should be empty (there is no golden ${path})`);
    return;
  }
  expectGolden(path, actual, what);
}
