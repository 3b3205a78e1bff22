/* global suite, suiteSetup, test, setTimeout, clearTimeout */
// okra's views in the real extension host: the OKRs tree, CodeLenses and the status bar item.
// The tree is read through the provider that activate() exposes as `api.views.okrTree`.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const FRONTLINE = 'okrs/frontline-2026-h1.yaml';

/** Every node of the tree, depth first. */
function nodes(tree) {
  const out = [];
  const walk = (n) => {
    out.push(n);
    tree.getChildren(n).forEach(walk);
  };
  tree.getChildren().forEach(walk);
  return out;
}

/** Resolves once `event` fires and `predicate()` holds (checked now first). */
function waitFor(event, predicate, what, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => (sub.dispose(), reject(new Error(`timed out waiting for ${what}`))), timeoutMs);
    const sub = event(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

suite('okra views', function () {
  let api;
  let views;

  suiteSetup(async function () {
    this.timeout(120000);
    api = await h.okra();
    views = api.views;
    assert.ok(views && views.okrTree, "activate() exposes registerViews()'s result as api.views");
  });

  test('the OKRs tree: cycle → owner → objective → key result, with figures and status icons', () => {
    const tree = views.okrTree;
    const roots = tree.getChildren();
    assert.deepStrictEqual(
      roots.map((r) => r.label),
      ['2026-H1'],
    );
    const owners = tree.getChildren(roots[0]);
    assert.ok(owners.length >= 3, 'one node per owner');
    const all = nodes(tree);
    const kr = all.find((n) => n.key === 'key_result:fl-fcr');
    assert.ok(kr, 'fl-fcr in the tree');
    const item = tree.getTreeItem(kr);
    assert.match(item.description, /^\d+% · (on track|at risk|off track)/);
    assert.ok(['pass', 'warning', 'error'].includes(item.iconPath.id), item.iconPath.id);
    assert.strictEqual(item.command.command, 'vscode.open');
    assert.ok(item.command.arguments[0].path.endsWith(FRONTLINE));
    assert.strictEqual(tree.getTreeItem(roots[0]).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  test('the tree follows edits', async function () {
    this.timeout(60000);
    const tree = views.okrTree;
    const editor = await h.openEditor(FRONTLINE);
    const line = h.lineOf(editor.document, /^\s+current: 71$/);
    const indent = editor.document.lineAt(line).text.match(/^\s*/)[0];
    const description = () => tree.getTreeItem(nodes(tree).find((n) => n.key === 'key_result:fl-fcr')).description;
    const before = description();
    await h.replaceLine(editor, line, `${indent}current: 75`);
    await waitFor(tree.onDidChangeTreeData, () => /^100%/.test(description()), 'fl-fcr at 100%');
    assert.notStrictEqual(description(), before);
    await h.revert(editor);
    await waitFor(tree.onDidChangeTreeData, () => description() === before, 'fl-fcr back');
  });

  test('CodeLenses above objectives and key results', async () => {
    const uri = h.uriOf(FRONTLINE);
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command && l.command.title).filter(Boolean);
    assert.ok(titles.length >= 3, `lenses: ${titles.join(' | ')}`);
    for (const title of titles.filter((t) => t !== 'Open in Notion'))
      assert.match(title, /^(\d+%|no progress yet)( · (on track|at risk|off track))?( · score \d\.\d)?$/);
  });

  test("the status bar shows okra's error and warning counts", () => {
    assert.match(views.statusBar.item.text, /^\$\(error\) \d+ \$\(warning\) \d+/);
    assert.strictEqual(views.statusBar.item.command, 'workbench.actions.view.problems');
  });
});
