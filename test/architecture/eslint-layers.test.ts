import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { REPO } from '../helpers/cli';
import { FORBIDDEN_LAYER_IMPORTS, LAYERS } from './layers';

/** The import checks an editor shows (eslint.config.mjs) agree with the test's table. */
describe('ESLint flags imports across the layers, as FORBIDDEN_LAYER_IMPORTS has them', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: REPO });

  /** Whether no-restricted-imports reports a type-only import of `to` from a file two folders deep in `from`. */
  async function flags(from: string, to: string): Promise<boolean> {
    const [result] = await eslint.lintText(`import type { Probe } from '../../${to}/probe';\nexport type Again = Probe;\n`, {
      filePath: join(REPO, from, 'probe', 'probe.ts'),
    });
    return result.messages.some((message) => message.ruleId === 'no-restricted-imports');
  }

  for (const from of LAYERS) {
    it(`in ${from}/`, async () => {
      const others = LAYERS.filter((layer) => layer !== from);
      const flagged: string[] = [];
      for (const to of others) if (await flags(from, to)) flagged.push(to);
      assert.deepEqual(flagged.sort(), [...FORBIDDEN_LAYER_IMPORTS[from]].sort());
    });
  }
});
