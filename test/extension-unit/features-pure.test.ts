import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { okrTree, type OkrNode } from '../../core';
import { analyzeFile } from '../../core/validate/analyze-file';
import { okrFileSnippet, teamOwner, workspaceCycle, escapeSnippet } from '../../extension/commands/okr-file-snippet';
import { peopleItems, retrospectiveItems, reviewItems } from '../../extension/commands/pick-items';
import { firstLines, planQuestion, planSummary, progressText, pullSummary } from '../../extension/commands/plan-text';
import { notionPageUrl, notionUrlOf } from '../../extension/views/notion-link';
import { escapeMarkdownText, okrItemLook } from '../../extension/views/okr-tree-item';
import { statusBarText, statusBarTooltip, syncStateText } from '../../extension/views/status-text';
import { exampleSession } from '../language/helpers';

const AT = DateTime.fromISO('2026-04-15T12:00', { zone: 'Europe/Lisbon' });
const counts = (create: number, update: number, archive: number, conflicts = 0) => ({ create, update, archive, unchanged: 7, conflicts });

describe('extension features: pure helpers', () => {
  const { session } = exampleSession();
  const model = session.workspace;

  describe('Notion links', () => {
    it('a page id opens as https://www.notion.so/<id without dashes>', () => {
      assert.equal(notionPageUrl('1f2e3d4c-5b6a-4789-8abc-def012345678'), 'https://www.notion.so/1f2e3d4c5b6a47898abcdef012345678');
      assert.equal(notionPageUrl('1f2e3d4c5b6a47898abcdef012345678'), 'https://www.notion.so/1f2e3d4c5b6a47898abcdef012345678');
    });

    it('objectives and key results link to the page the sync state records for them', () => {
      const rows = { 'objectives/fl-resolve-first-time': { pageId: 'aaaa-bbbb' }, 'keyResults/fl-fcr': { pageId: 'cccc-dddd' } };
      assert.equal(notionUrlOf(rows, 'objective', 'fl-resolve-first-time'), 'https://www.notion.so/aaaabbbb');
      assert.equal(notionUrlOf(rows, 'key_result', 'fl-fcr'), 'https://www.notion.so/ccccdddd');
      assert.equal(notionUrlOf(rows, 'key_result', 'fl-resolve-first-time'), undefined, 'an objective page is not a key result page');
      assert.equal(notionUrlOf(rows, 'objective', 'never-synced'), undefined);
    });
  });

  describe('sync plan text', () => {
    const table: Array<[ReturnType<typeof counts>, string]> = [
      [counts(3, 5, 1), '3 to create, 5 to update, 1 to archive'],
      [counts(0, 0, 0), '0 to create, 0 to update, 0 to archive'],
      [counts(1, 0, 0, 2), '1 to create, 0 to update, 0 to archive, 2 in conflict (left alone)'],
    ];
    for (const [c, text] of table) it(`says "${text}"`, () => assert.equal(planSummary(c), text));

    it('asks before applying, naming the target and any database work', () => {
      assert.equal(planQuestion(counts(3, 5, 1), 0, 'Notion'), 'okra: 3 to create, 5 to update, 1 to archive in Notion — Apply?');
      assert.equal(
        planQuestion(counts(3, 0, 0), 5, 'the local sandbox'),
        'okra: 3 to create, 0 to update, 0 to archive (and 5 databases to create or repair) in the local sandbox — Apply?',
      );
    });

    it('names the documents to write (the sync keeps rendered documents as pages)', () => {
      assert.equal(
        planQuestion(counts(0, 0, 0), 0, 'Notion', 4),
        'okra: 0 to create, 0 to update, 0 to archive, 4 documents to write in Notion — Apply?',
      );
      assert.equal(
        planQuestion(counts(1, 0, 0), 0, 'Notion', 1),
        'okra: 1 to create, 0 to update, 0 to archive, 1 document to write in Notion — Apply?',
      );
    });

    it('a pull says how many key results Notion updates', () => {
      assert.equal(pullSummary(2, 0), '2 key results to update from Notion');
      assert.equal(pullSummary(1, 1), '1 key result to update from Notion, 1 in conflict (left alone)');
    });

    it('progress and long plans read well', () => {
      assert.equal(progressText(12, 40), '12 of 40 rows');
      assert.equal(progressText(-1, -1), 'reading Notion…');
      assert.equal(firstLines('a\nb\nc\nd\n', 2), 'a\nb\n… and 2 more');
      assert.equal(firstLines('a\nb\n', 2), 'a\nb');
    });
  });

  describe('quick pick items from the model', () => {
    it('people: name, id, role and team; sorted by name; every person once', () => {
      const items = peopleItems(model);
      assert.equal(items.length, model.people.all.length);
      assert.deepEqual(new Set(items.map((i) => i.id)), new Set(model.people.ids()));
      const sorted = [...items].sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
      assert.deepEqual(items, sorted);
      const tomas = items.find((i) => i.id === 'tomas-novak')!;
      assert.equal(tomas.description, 'tomas-novak');
      assert.notEqual(tomas.label, 'tomas-novak', 'the label is the name');
      assert.ok(tomas.detail && tomas.detail.length > 0, 'role and team in the detail');
    });

    it('reviews and retrospectives of the example', () => {
      assert.deepEqual(
        reviewItems(model)
          .map((i) => i.id)
          .sort(),
        ['growwise-2026-h1', 'probation-chiara-rossi'],
      );
      const growwise = reviewItems(model).find((i) => i.id === 'growwise-2026-h1')!;
      assert.equal(growwise.label, 'GrowWise 2026 H1');
      assert.match(growwise.detail ?? '', /2026-01-01 – 2026-06-30/);
      assert.deepEqual(retrospectiveItems(model), [
        { label: 'okr-retro-2026-h1', id: 'okr-retro-2026-h1', detail: 'cycle 2026-H1 · 2026-06-30' },
      ]);
    });

    it('an empty workspace gives empty lists', () => {
      const empty = exampleSession().session;
      for (const f of empty.workspace.files.map((x) => x.path)) empty.remove(f);
      assert.deepEqual(peopleItems(empty.workspace), []);
      assert.deepEqual(reviewItems(empty.workspace), []);
    });
  });

  describe('new OKR file snippet', () => {
    it('takes the workspace cycle and a team as owner', () => {
      assert.equal(workspaceCycle(model), '2026-H1');
      assert.match(teamOwner(model) ?? '', /^team\/[a-z0-9-]+$/);
    });

    it('is an Objectives file that parses once its placeholders are filled in', () => {
      const snippet = okrFileSnippet('2026-H2', 'team/frontline');
      const filled = snippet.replace(/\$\{\d+:((?:\\.|[^}])*)\}/g, (_, d: string) => d.replace(/\\(.)/g, '$1')).replace(/\$0/, '');
      const file = analyzeFile('okrs/new.yaml', filled);
      assert.equal(file.kind, 'Objectives');
      assert.deepEqual(file.diagnostics, []);
      assert.match(filled, /^cycle: 2026-H2$/m);
      assert.match(filled, /^owner: team\/frontline$/m);
    });

    it('escapes snippet syntax in defaults', () => {
      assert.equal(escapeSnippet('a$b}c\\d'), 'a\\$b\\}c\\\\d');
    });
  });

  describe('OKR tree items', () => {
    const tree = okrTree(model, AT);
    const all: OkrNode[] = [];
    const walk = (n: OkrNode) => (all.push(n), n.children.forEach(walk));
    tree.forEach(walk);

    it("status icons with the chart colours; the node type's icon when there is no status", () => {
      const expected = {
        on_track: ['pass', 'charts.green'],
        at_risk: ['warning', 'charts.yellow'],
        off_track: ['error', 'charts.red'],
      } as const;
      for (const node of all) {
        const look = okrItemLook(node);
        if (node.status) assert.deepEqual([look.icon.id, look.icon.color], expected[node.status], node.key);
        else assert.equal(look.icon.color, undefined, node.key);
      }
      assert.ok(
        all.some((n) => n.status),
        'the example has statuses',
      );
      assert.equal(okrItemLook(tree[0]).icon.id, 'calendar');
    });

    it('labels, descriptions and context values come from the node; cycles open, leaves do not collapse', () => {
      for (const node of all) {
        const look = okrItemLook(node);
        assert.equal(look.label, node.label);
        assert.equal(look.description, node.description);
        assert.equal(
          look.contextValue,
          { cycle: 'okra.cycle', owner: 'okra.owner', objective: 'okra.objective', key_result: 'okra.keyResult' }[node.type],
        );
        assert.equal(look.collapsible, node.children.length === 0 ? 'none' : node.type === 'cycle' ? 'expanded' : 'collapsed');
      }
    });

    it('the tooltip shows figures and where the item is, with workspace text escaped', () => {
      const kr = all.find((n) => n.key === 'key_result:fl-fcr')!;
      const tooltip = okrItemLook(kr).tooltip;
      assert.match(tooltip, /^\*\*First-contact resolution from 68 % to 75 %\*\*/);
      assert.match(tooltip, /Progress: \d+%/);
      assert.match(tooltip, /okrs\/frontline-2026-h1\.yaml, line \d+/);
      assert.equal(escapeMarkdownText('*[x](y)* <b>'), '\\*\\[x\\](y)\\* \\<b\\>');
    });
  });

  describe('status bar text', () => {
    it('counts and the sync state', () => {
      assert.equal(statusBarText({ errors: 2, warnings: 1 }, { state: 'idle' }), '$(error) 2 $(warning) 1  $(cloud) Notion');
      assert.equal(syncStateText({ state: 'syncing', done: 3, total: 40 }), '$(sync~spin) 3/40');
      assert.equal(syncStateText({ state: 'syncing' }), '$(sync~spin) syncing');
      assert.equal(syncStateText({ state: 'synced', at: '14:02', summary: 'x' }), '$(cloud) synced 14:02');
      assert.equal(syncStateText({ state: 'failed', message: 'x' }), '$(cloud-offline) sync failed');
      assert.match(
        statusBarTooltip({ errors: 1, warnings: 0 }, { state: 'failed', message: 'rate limited' }),
        /1 error, 0 warnings[\s\S]*rate limited/,
      );
    });
  });
});
