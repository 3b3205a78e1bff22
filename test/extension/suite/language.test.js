/* global suite, suiteSetup, teardown, test */
// okra's language features in the real extension host: completion, definition, references,
// rename across files, hover and outline, through VS Code's own provider commands. Every wait
// is on an event; timeouts only bound failures.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const h = require('./helpers');

const OPS = 'okrs/support-ops-2026-h1.yaml';
const FRONTLINE = 'okrs/frontline-2026-h1.yaml';

/** The Uri of a definition result, a Location or a LocationLink. */
const uriOfResult = (l) => (l.targetUri || l.uri).toString();
const rangeOfResult = (l) => l.targetSelectionRange || l.targetRange || l.range;

/** The position just after `needle` on the first line matching `pattern`. */
function positionIn(document, pattern, needle) {
  const line = h.lineOf(document, pattern);
  const column = document.lineAt(line).text.indexOf(needle);
  assert.ok(column >= 0, `${needle} on line ${line}`);
  return new vscode.Position(line, column + needle.length);
}

/** Resolves after the next full re-check of the workspace (the base checks everything once edits pause). */
async function nextFullCheck(api) {
  const controller = await api.controller();
  return new Promise((resolve) => {
    const sub = controller.provider.onDidCheck((e) => {
      if (e.kind !== 'all') return;
      sub.dispose();
      resolve();
    });
  });
}

/** Reverts every document that is dirty (edits applied by a test) and waits for the re-check. */
async function revertAll(api) {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty);
  if (dirty.length === 0) return;
  const checked = nextFullCheck(api);
  for (const document of dirty) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await checked;
}

const kpiIds = () => [...fs.readFileSync(h.uriOf('kpis.yaml').fsPath, 'utf8').matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]).sort();

suite('okra language features', function () {
  let api;

  suiteSetup(async function () {
    this.timeout(120000);
    api = await h.okra();
  });

  teardown(async function () {
    this.timeout(30000);
    await revertAll(api);
  });

  test('completes every KPI id at `kpi: `', async () => {
    const editor = await h.openEditor(OPS);
    const line = h.lineOf(editor.document, /^\s+kpi: cost-per-contact$/);
    const indent = editor.document.lineAt(line).text.match(/^\s*/)[0];
    await h.replaceLine(editor, line, `${indent}kpi: `);
    const position = new vscode.Position(line, indent.length + 'kpi: '.length);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = new Set(list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)));
    for (const id of kpiIds()) assert.ok(labels.has(id), `${id} offered; got ${[...labels].join(', ')}`);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'first-contact-resolution');
    assert.strictEqual(item.kind, vscode.CompletionItemKind.Value);
    assert.match(item.detail, /First-contact resolution/);
  });

  test('goes from a KPI reference to its definition in kpis.yaml', async () => {
    const editor = await h.openEditor(FRONTLINE);
    const position = positionIn(editor.document, /^\s+kpi: first-contact-resolution$/, 'kpi: first');
    const locations = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', editor.document.uri, position);
    const kpis = await vscode.workspace.openTextDocument(h.uriOf('kpis.yaml'));
    const target = locations.find((l) => uriOfResult(l) === kpis.uri.toString());
    assert.ok(target, `a definition in kpis.yaml; got ${locations.map(uriOfResult).join(', ')}`);
    assert.strictEqual(kpis.getText(rangeOfResult(target)), 'first-contact-resolution');
  });

  test('finds the references of a KPI in other files', async () => {
    const kpis = await h.openEditor('kpis.yaml');
    const position = positionIn(kpis.document, /^ {2}- id: first-contact-resolution$/, 'id: first');
    const locations = await vscode.commands.executeCommand('vscode.executeReferenceProvider', kpis.document.uri, position);
    const files = new Set(locations.map((l) => vscode.workspace.asRelativePath(l.uri)));
    assert.ok(
      [...files].some((f) => f.endsWith(FRONTLINE)),
      `referenced from ${FRONTLINE}; got ${[...files].join(', ')}`,
    );
  });

  test('hover on a reference shows the item it names', async () => {
    const editor = await h.openEditor(FRONTLINE);
    const position = positionIn(editor.document, /^\s+kpi: first-contact-resolution$/, 'kpi: first');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hovers.flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /First-contact resolution/);
  });

  test('renames a KPI in every file, leaving no broken reference', async function () {
    this.timeout(60000);
    const kpis = await h.openEditor('kpis.yaml');
    const position = positionIn(kpis.document, /^ {2}- id: first-contact-resolution$/, 'id: first');
    const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', kpis.document.uri, position, 'fcr-rate');
    const files = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri));
    assert.ok(files.length >= 2, `edits in several files; got ${files.join(', ')}`);
    const checked = nextFullCheck(api);
    assert.ok(await vscode.workspace.applyEdit(edit), 'rename applied');
    await checked;
    const broken = [];
    for (const [uri, list] of vscode.languages.getDiagnostics()) {
      for (const d of list)
        if (d.source === 'okra' && /^ref\//.test(h.ruleOf(d)))
          broken.push(`${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1} ${d.message}`);
    }
    assert.deepStrictEqual(broken, []);
    const frontline = await vscode.workspace.openTextDocument(h.uriOf(FRONTLINE));
    assert.match(frontline.getText(), /kpi: fcr-rate$/m);
  });

  test("refuses to rename to an id that is taken, with the core's message", async () => {
    const kpis = await h.openEditor('kpis.yaml');
    const position = positionIn(kpis.document, /^ {2}- id: first-contact-resolution$/, 'id: first');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', kpis.document.uri, position, 'service-level')),
      /already exists/,
    );
  });

  test('outlines objectives with their key results', async () => {
    const document = await vscode.workspace.openTextDocument(h.uriOf(FRONTLINE));
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
    const objective = symbols.find((s) => s.name === 'fl-resolve-first-time');
    assert.ok(objective, `fl-resolve-first-time in ${symbols.map((s) => s.name).join(', ')}`);
    assert.ok(objective.children.some((c) => c.name === 'fl-fcr'));
  });
});
