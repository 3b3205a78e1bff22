/* global setTimeout, clearTimeout */
// Helpers for the extension-host tests: they wait for events, never for a fixed time.
const assert = require('assert');
const vscode = require('vscode');

const EXTENSION_ID = 'okra.okra';

/** The okra extension's API (activate()'s return value) once its first load has finished. */
async function okra() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  const api = await ext.activate();
  await api.ready;
  return api;
}

function root() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

const uriOf = (path) => vscode.Uri.joinPath(root(), path);

/** okra's diagnostics of a Uri. */
const okraDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'okra');

const ruleOf = (d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/**
 * Resolves with okra's diagnostics of `uri` as soon as `predicate(diagnostics)` holds: checked
 * now, then on every `languages.onDidChangeDiagnostics` for that Uri. The timeout only bounds a
 * failure; a passing test never waits for it.
 */
function waitForDiagnostics(uri, predicate, what, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = okraDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(diagnostics);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const now = okraDiagnostics(uri).map((d) => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)} ${d.message}`);
      reject(new Error(`timed out waiting for ${what} in ${uri.path}; now: ${JSON.stringify(now)}`));
    }, timeoutMs);
    check();
  });
}

/** Opens a file of the workspace in an editor. */
async function openEditor(path) {
  const document = await vscode.workspace.openTextDocument(uriOf(path));
  return vscode.window.showTextDocument(document);
}

/** The 0-based line of the first line matching `pattern` (fails when none does). */
function lineOf(document, pattern) {
  for (let i = 0; i < document.lineCount; i++) if (pattern.test(document.lineAt(i).text)) return i;
  assert.fail(`no line matches ${pattern} in ${document.uri.path}`);
}

/** Replaces the text of one line (like typing over it). */
async function replaceLine(editor, line, text) {
  const ok = await editor.edit((b) => b.replace(editor.document.lineAt(line).range, text));
  assert.ok(ok, 'edit applied');
}

/** Reverts a document to what is on disk. */
async function revert(editor) {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

module.exports = {
  EXTENSION_ID,
  okra,
  root,
  uriOf,
  okraDiagnostics,
  ruleOf,
  waitForDiagnostics,
  openEditor,
  lineOf,
  replaceLine,
  revert,
  percentile,
};
