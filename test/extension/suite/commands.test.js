/* global suite, suiteSetup, test, fetch */
// okra's commands in the real extension host. Commands take their target as an argument, so no
// test opens a quick pick; sync runs into a sandbox started in the extension host.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const h = require('./helpers');

/** A request to the sandbox's Notion API. */
async function notion(sandbox, path, body) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${sandbox.token}`, 'Notion-Version': '2025-09-03', 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.strictEqual(response.status, 200, `${path}: ${response.status}`);
  return response.json();
}

suite('okra commands', function () {
  suiteSetup(async function () {
    this.timeout(120000);
    await h.okra();
  });

  test('renders a 1:1 agenda for a person given directly', async function () {
    this.timeout(60000);
    const uris = await vscode.commands.executeCommand('okra.renderOneOnOne', 'tomas-novak');
    assert.strictEqual(uris.length, 1);
    assert.ok(uris[0].path.endsWith('/out/one-on-one/tomas-novak.md'), uris[0].path);
    const text = fs.readFileSync(uris[0].fsPath, 'utf8');
    assert.match(text, /Tom/);
    assert.match(text, /\n---\n/, 'ends with the provenance line');
  });

  test('renders one review document per participant', async function () {
    this.timeout(60000);
    const uris = await vscode.commands.executeCommand('okra.renderReviewDocuments', 'probation-chiara-rossi');
    assert.deepStrictEqual(uris.map((u) => u.path.split('/').slice(-2).join('/')).sort(), [
      'probation-chiara-rossi/amara-okafor.md',
      'probation-chiara-rossi/chiara-rossi.md',
    ]);
  });

  test('an unknown person renders nothing', async () => {
    const result = await vscode.commands.executeCommand('okra.renderOneOnOne', 'nobody-here');
    assert.strictEqual(result, undefined);
  });

  test('syncs into the sandbox, then finds nothing left to push or pull', async function () {
    this.timeout(120000);
    const config = vscode.workspace.getConfiguration('okra');
    await config.update('sync.useSandbox', true, vscode.ConfigurationTarget.Workspace);
    try {
      const sandbox = await vscode.commands.executeCommand('okra.openSandboxBoard', { open: false });
      assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const first = await vscode.commands.executeCommand('okra.syncToNotion', { confirm: false });
      assert.ok(first && first.applied, `applied: ${JSON.stringify(first)}`);
      assert.ok(first.result.created > 10, `created ${first.result.created}`);
      assert.deepStrictEqual(first.result.failed, []);

      const dataSources = await notion(sandbox, '/v1/search', { filter: { property: 'object', value: 'data_source' } });
      assert.ok(dataSources.results.length >= 4, `${dataSources.results.length} databases`);
      const pages = await notion(sandbox, '/v1/search', { filter: { property: 'object', value: 'page' }, page_size: 100 });
      assert.ok(pages.results.length >= 10, `${pages.results.length} pages`);

      // The rendered documents (1:1 agendas, retrospectives) are pages under "Documents", as with `okra sync`.
      assert.ok(first.documents && first.documents.result, `documents: ${JSON.stringify(first.documents)}`);
      assert.ok(first.documents.result.created >= 2, `created ${first.documents.result.created} document pages`);
      const found = await notion(sandbox, '/v1/search', { query: 'Documents', filter: { property: 'object', value: 'page' } });
      const titleOf = (page) =>
        Object.values(page.properties)
          .find((v) => v.type === 'title')
          .title.map((t) => t.plain_text)
          .join('');
      const root = found.results.find((p) => p.parent.type === 'page_id' && titleOf(p) === 'Documents');
      assert.ok(root, 'a Documents page');
      const children = await notion(sandbox, `/v1/blocks/${root.id}/children?page_size=100`);
      const documentPages = children.results.filter((b) => b.type === 'child_page');
      assert.strictEqual(documentPages.length, first.documents.result.created);
      assert.ok(
        documentPages.some((b) => /retrospective/i.test(b.child_page.title)),
        documentPages.map((b) => b.child_page.title).join(', '),
      );

      const second = await vscode.commands.executeCommand('okra.syncToNotion', { confirm: false });
      assert.strictEqual(second.applied, false);
      assert.deepStrictEqual([second.plan.create, second.plan.update, second.plan.archive], [0, 0, 0]);
      assert.deepStrictEqual([second.documents.plan.create, second.documents.plan.replace, second.documents.plan.archive], [0, 0, 0]);

      // Nothing was edited in Notion: a pull finds nothing and writes nothing.
      const pulled = await vscode.commands.executeCommand('okra.pullFromNotion', { confirm: false });
      assert.strictEqual(pulled.pulled, 0);
      assert.strictEqual(pulled.applied, false);
      assert.deepStrictEqual(
        vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.path),
        [],
      );
    } finally {
      await config.update('sync.useSandbox', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
