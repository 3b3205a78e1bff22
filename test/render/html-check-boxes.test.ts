/**
 * Documents read on paper and on screen: a status is never shown by colour (emoji) alone, and
 * `[ ]` / `[x]` items are check boxes in HTML, not literal brackets.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { builtinDocuments, createRenderer, planDocuments, toHtml } from '../../core/render';
import { loadModel } from './fixtures';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'support-org');

describe('render: check boxes and status words', () => {
  const model = loadModel(EXAMPLE);
  const renderer = createRenderer({ ...builtinDocuments, okraVersion: '0.0.0-test' });
  const render = (request: Parameters<typeof planDocuments>[2]) =>
    planDocuments(model, renderer, request).map((job) => renderer.render(job.template, job.build()));

  it("a 1:1 agenda in HTML shows its action items as disabled check boxes, not as '[ ]'", () => {
    const [agenda] = render({ template: 'one-on-one', person: 'jonas-berg', date: '2026-04-14' });
    const boxes = agenda.markdown.match(/^\s*- \[[ xX]\] /gm) ?? [];
    assert.ok(boxes.length > 0, 'the agenda has check-box items');
    const html = toHtml(agenda.markdown, { title: agenda.title });
    assert.doesNotMatch(html, /<li>\[[ xX]\]/, 'no literal brackets in a list item');
    assert.equal(html.match(/<li class="task"><input type="checkbox" disabled> /g)?.length, boxes.length);
  });

  it('a ticked item is a ticked box; an escaped "[x]" in a name stays text', () => {
    const html = toHtml('- [x] Sent the notes\n- \\[x\\] is a name\n', { title: 't' });
    assert.match(html, /<li class="task"><input type="checkbox" disabled checked> Sent the notes<\/li>/);
    assert.match(html, /<li>\[x\] is a name<\/li>/);
  });

  it('every status emoji of every example document has its word beside it', () => {
    const documents = [
      ...render({ template: 'one-on-one', team: 'frontline', date: '2026-04-14' }),
      ...render({ template: 'one-on-one', team: 'specialists', date: '2026-04-14' }),
      ...render({ template: 'growwise-review', review: 'growwise-2026-h1', date: '2026-04-14' }),
      ...render({ template: 'okr-retrospective', retro: 'okr-retro-2026-h1', date: '2026-04-14' }),
    ];
    let emoji = 0;
    for (const { markdown } of documents) {
      for (const match of markdown.matchAll(/\p{Extended_Pictographic}\uFE0F?(.{0,12})/gu)) {
        emoji++;
        assert.match(match[1], /^ \p{L}/u, `"${match[0]}" shows a status by colour alone`);
      }
    }
    assert.ok(emoji > 0, 'the documents show statuses');
  });
});
