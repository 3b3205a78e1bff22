import { strict as assert } from 'node:assert';
import {
  builtinDocuments,
  createRenderer,
  escapeMarkdown,
  planDocuments,
  toHtml,
  toNotionBlocks,
  type NotionBlock,
} from '../../core/render';
import { modelOf } from './fixtures';

const SCRIPT = '<script>alert(1)</script>';
const LINK = '[x](javascript:alert(1))';
const BOLD = '**bold** | table |';
const IMG = '<img src=x onerror=alert(1)>';

/** A workspace whose every text field tries to become markup. */
const hostile = modelOf({
  'okra.config.yaml': 'kind: Config\nversion: 1\ntimezone: UTC\n',
  'org.yaml': `kind: Org
version: 1
teams:
  - { id: team-a, name: ${JSON.stringify(IMG)}, lead: boss }
people:
  - { id: boss, name: "Boss & <b>Co</b>", team: team-a }
  - id: eve
    name: ${JSON.stringify(SCRIPT)}
    role: "# Heading role"
    team: team-a
    manager: boss
    location: "1. first"
`,
  'okrs.yaml': `kind: Objectives
version: 1
cycle: 2026-H1
owner: team/team-a
objectives:
  - id: obj
    title: ${JSON.stringify(LINK)}
    description: "line one\\n# not a heading\\n- not a list"
    key_results:
      - id: kr-1
        title: ${JSON.stringify(BOLD)}
        type: metric
        owner: eve
        unit: "<u>EUR</u>"
        start: 10
        target: 20
        check_ins:
          - { date: 2026-03-01, value: 12, note: "first line\\n## injected heading\\n> quote", by: eve }
          - { date: 2026-04-01, value: 15, note: "![img](https://evil.example/x.png) &lt;b&gt; $x^2$ ~~gone~~ \`code\`", by: eve }
      - id: kr-2
        title: "Title with a\\nnewline and ===\\n==="
        type: milestone
        owner: eve
        due: 2026-05-01
`,
  'reviews.yaml': `kind: ReviewCycles
version: 1
one_on_ones:
  - { manager: boss, reports: [eve], cadence: weekly, weekday: monday, starts: 2026-01-05 }
reviews:
  - id: rev
    name: "Review <iframe src=javascript:alert(1)>"
    type: performance
    period: { start: 2026-01-01, end: 2026-06-30 }
    participants: [eve]
    stages: [{ id: self-review, name: "[Self](javascript:void(0))", due: 2026-06-01 }]
retrospectives:
  - { id: retro, cycle: 2026-H1, date: 2026-06-30, participants: [team/team-a] }
`,
});

const renderer = createRenderer({ ...builtinDocuments });
const documents = [
  { template: 'one-on-one', person: 'eve' },
  { template: 'growwise-review', review: 'rev' },
  { template: 'okr-retrospective', retro: 'retro' },
].map((request) => {
  const [job] = planDocuments(hostile, renderer, { ...request, date: '2026-04-14' });
  return { name: request.template, ...renderer.render(job.template, job.build()) };
});

function texts(blocks: readonly NotionBlock[]): Array<{ content: string; link: unknown; annotations: Record<string, unknown> }> {
  const out: Array<{ content: string; link: unknown; annotations: Record<string, unknown> }> = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (v.type === 'text' && v.text && typeof v.text === 'object') {
        const text = v.text as { content: string; link?: unknown };
        out.push({ content: text.content, link: text.link, annotations: (v.annotations ?? {}) as Record<string, unknown> });
      }
      Object.values(v).forEach(visit);
    }
  };
  visit(blocks);
  return out;
}

describe('render: text from the workspace cannot become markup', () => {
  for (const document of documents) {
    describe(document.name, () => {
      const html = toHtml(document.markdown, { title: document.title });

      it('HTML has no script, image, iframe or javascript: link, and no element the templates did not make', () => {
        assert.doesNotMatch(html, /<script/i);
        assert.doesNotMatch(html, /<img/i);
        assert.doesNotMatch(html, /<iframe/i);
        assert.doesNotMatch(html, /<u>|<b>/i);
        assert.doesNotMatch(html, /href=/i);
        assert.doesNotMatch(html, /<h[1-6]>[^<]*(heading|injected)/i);
        const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/gi)].map((m) => m[1].toLowerCase()));
        const allowed = [
          'html',
          'head',
          'meta',
          'title',
          'style',
          'body',
          'h1',
          'h2',
          'h3',
          'h4',
          'p',
          'ul',
          'ol',
          'li',
          'strong',
          'em',
          'table',
          'thead',
          'tbody',
          'tr',
          'th',
          'td',
          'blockquote',
          'hr',
          // The templates' own `- [ ]` items (task-list.ts); checked below to be nothing else.
          'input',
        ];
        for (const input of html.matchAll(/<input[^>]*>/g)) assert.match(input[0], /^<input type="checkbox" disabled( checked)?>$/);
        assert.deepEqual(
          [...tags].filter((t) => !allowed.includes(t)),
          [],
        );
      });

      it('shows the hostile text as text', () => {
        if (document.name !== 'growwise-review') assert.ok(html.includes('[x](javascript:alert(1))'), 'the link text is visible verbatim');
        if (document.name !== 'okr-retrospective')
          assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the name is visible escaped');
        assert.ok(
          html.includes('**bold** | table |') || (document.name === 'growwise-review' && html.includes('**bold**')),
          'emphasis markers stay literal',
        );
      });

      it('the <title> is escaped', () => {
        const title = /<title>(.*)<\/title>/.exec(html)?.[1] ?? '';
        assert.doesNotMatch(title, /</);
      });

      it('Markdown keeps its structure: no injected heading, list or quote; table rows keep their cells', () => {
        const lines = document.markdown.split('\n');
        assert.ok(!lines.some((l) => /^#+ (not a heading|injected heading)/.test(l)));
        assert.ok(!lines.some((l) => /^- not a list/.test(l)));
        assert.ok(!lines.some((l) => /^=+$/.test(l)), 'no setext underline');
        for (const table of document.markdown.split('\n\n').filter((p) => p.startsWith('| '))) {
          const rows = table.split('\n');
          const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
          for (const row of rows) assert.equal(cells(row), cells(rows[0]), `row has a stray cell separator: ${row}`);
        }
      });

      it('Notion blocks carry no link and no bold, code or strikethrough from the data', () => {
        const items = texts(toNotionBlocks(document.markdown));
        assert.ok(items.length > 0);
        for (const item of items) {
          assert.equal(item.link ?? null, null, `a link in "${item.content}"`);
          if (/bold|javascript|img|code|gone/.test(item.content)) {
            assert.equal(item.annotations.code, false, item.content);
            assert.equal(item.annotations.strikethrough, false, item.content);
          }
        }
        assert.ok(
          items.some((i) => i.content.includes('**bold**')),
          'the asterisks are text',
        );
      });
    });
  }

  it('escapeMarkdown: each kind of markup', () => {
    assert.equal(escapeMarkdown(SCRIPT), '\\<script\\>alert(1)\\</script\\>');
    assert.equal(escapeMarkdown(LINK), '\\[x\\](javascript:alert(1))');
    assert.equal(escapeMarkdown(BOLD), '\\*\\*bold\\*\\* \\| table \\|');
    assert.equal(escapeMarkdown('a\n# b\r\n- c'), 'a \\# b - c');
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('1. first'), '1\\. first');
    assert.equal(escapeMarkdown('4.90 EUR'), '4.90 EUR');
    assert.equal(escapeMarkdown('snake_case _em_'), 'snake_case \\_em\\_');
    assert.equal(escapeMarkdown('Q&A &amp; &#60;'), 'Q&A \\&amp; &\\#60;');
    assert.equal(escapeMarkdown('`x` ~~y~~ $z$'), '\\`x\\` \\~\\~y\\~\\~ \\$z\\$');
    assert.equal(escapeMarkdown('a\u202eb\u0000c'), 'abc');
    assert.equal(escapeMarkdown('==='), '\\===');
    assert.equal(escapeMarkdown(42), '');
  });
});
