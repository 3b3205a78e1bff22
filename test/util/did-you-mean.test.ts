import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance } from '../../core/util/did-you-mean';
import { suggestName } from '../../core/validate/schema-hints';

/** Levenshtein distance, the textbook way: the reference for the bounded one. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

describe('did you mean', () => {
  it('editDistance is the Levenshtein distance, or max + 1 once past max', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 10 }), (a, b, max) => {
        const exact = reference(a, b);
        assert.equal(editDistance(a, b), exact);
        assert.equal(editDistance(a, b, max), exact <= max ? exact : max + 1);
      }),
    );
  });

  it('suggests the key whose two neighbouring letters were swapped, and only that', () => {
    const keys = ['title', 'owner', 'weight', 'aligns_to'];
    assert.equal(suggestName('tilte', keys), 'title');
    assert.equal(suggestName('wieght', keys), 'weight');
    assert.equal(suggestName('aligsn_to', keys), 'aligns_to');
    assert.equal(suggestName('tiel', keys), undefined);
    assert.equal(suggestName('xxxxx', keys), undefined);
    assert.equal(suggestName('etilt', keys), undefined);
  });
});
