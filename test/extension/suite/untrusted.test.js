/* global suite, suiteSetup, test */
// Runs in a second, short session whose folder is NOT trusted (Workspace Trust enabled, no
// --disable-workspace-trust; run-integration.mjs --untrusted). okra must run in restricted
// mode: built-in rules only, no workspace plugin, sync off, and say so.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

suite('okra extension in an untrusted workspace (restricted mode)', function () {
  let api;

  suiteSetup(async function () {
    this.timeout(120000);
    api = await h.okra();
  });

  test('the folder is not trusted and okra activated anyway (untrustedWorkspaces: limited)', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    assert.ok(vscode.extensions.getExtension(h.EXTENSION_ID).isActive);
  });

  test('workspace plugins are not loaded and sync is off, with a clear message', async () => {
    const policy = api.policy();
    assert.strictEqual(policy.loadPlugins, false);
    assert.strictEqual(policy.syncEnabled, false);
    assert.match(policy.message, /not trusted: workspace plugins are not loaded and Notion sync is off/);
    const controller = await api.controller();
    assert.deepStrictEqual(controller.loaded[0].pluginNames, []);
    const config = await h.waitForDiagnostics(
      h.uriOf('okra.config.yaml'),
      (ds) => ds.some((d) => h.ruleOf(d) === 'config/plugins-untrusted'),
      'config/plugins-untrusted',
    );
    const info = config.find((d) => h.ruleOf(d) === 'config/plugins-untrusted');
    assert.strictEqual(info.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(!config.some((d) => h.ruleOf(d) === 'fixture/loaded'), 'the fixture plugin did not run');
  });

  test('built-in rules still check files while typing', async () => {
    const editor = await h.openEditor('okrs/frontline-2026-h1.yaml');
    const line = h.lineOf(editor.document, /^\s+kpi: first-contact-resolution$/);
    await h.replaceLine(editor, line, editor.document.lineAt(line).text.replace('first-contact-resolution', 'no-such-kpi'));
    await h.waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => h.ruleOf(d) === 'ref/unknown-kpi'), 'ref/unknown-kpi');
    await h.revert(editor);
  });
});
