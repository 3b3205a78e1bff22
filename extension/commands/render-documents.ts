import * as vscode from 'vscode';
import type { DocumentSources, RenderRequest, WorkspaceModel } from '../../core';
import { core } from '../core';
import { EXTENSION_ID } from '../ids';
import type { FeatureDeps } from '../language/deps';
import { readSettings } from '../settings';
import type { PickItem } from './pick-items';

/** The workspace's template overrides: every `*.hbs` under `templates_dir`, by name (`partials/kr-table`). */
async function templateOverrides(root: vscode.Uri, model: WorkspaceModel): Promise<Record<string, string>> {
  const dir = model.config?.value.templates_dir;
  // Outside the workspace: refused, and reported on the config (config/outside-workspace).
  if (typeof dir !== 'string' || dir.trim() === '' || core().leavesWorkspace(dir)) return {};
  const folder = vscode.Uri.joinPath(root, dir);
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.hbs'));
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  const overrides: Record<string, string> = {};
  for (const file of files.sort((a, b) => a.path.localeCompare(b.path))) {
    const name = file.path.slice(base.length).replace(/\.hbs$/, '');
    overrides[name] = new TextDecoder().decode(await vscode.workspace.fs.readFile(file)).replace(/\r\n?/g, '\n');
  }
  return overrides;
}

/**
 * Renders documents through the core's renderer (built-in templates, the plugins', then the
 * workspace's overrides), writes them as Markdown under the output folder setting and opens the
 * first one's preview beside the editor. Returns the files written.
 */
export async function renderDocuments(
  deps: FeatureDeps,
  request: Omit<RenderRequest, 'date'>,
  options: { preview?: boolean } = {},
): Promise<vscode.Uri[]> {
  const session = deps.session();
  const root = deps.root();
  if (!session || !root) {
    void vscode.window.showWarningMessage('okra: no okra workspace is loaded (a folder with okra.config.yaml).');
    return [];
  }
  const { builtinDocuments, createRenderer, mergeDocumentSources, planDocuments } = core();
  const model = session.workspace;
  const overrides = await templateOverrides(root, model);
  const plugins: readonly DocumentSources[] = deps.documentSources?.() ?? [];
  const okraVersion = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.version as string | undefined;
  const renderer = createRenderer({ ...mergeDocumentSources([builtinDocuments, ...plugins, { templates: overrides }]), okraVersion });
  const date = deps.now().setZone(model.timezone).toISODate() as string;
  const out = vscode.Uri.joinPath(root, readSettings(root).renderOutputFolder);
  const written: vscode.Uri[] = [];
  // Unknown ids and templates throw RenderRequestError/TemplateError with a message for the user.
  const jobs = planDocuments(model, renderer, { ...request, date });
  for (const job of jobs) {
    const document = renderer.render(job.template, job.build());
    const uri = vscode.Uri.joinPath(out, ...job.path.slice(0, -1), `${job.path[job.path.length - 1]}.md`);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(document.markdown));
    written.push(uri);
  }
  deps.log.info(
    `rendered ${written.length} document${written.length === 1 ? '' : 's'}: ${written.map((u) => vscode.workspace.asRelativePath(u)).join(', ')}`,
  );
  if (written.length > 0 && options.preview !== false) {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', written[0]);
    if (written.length > 1)
      void vscode.window.showInformationMessage(
        `okra: rendered ${written.length} documents into ${vscode.workspace.asRelativePath(vscode.Uri.joinPath(written[0], '..'))}.`,
      );
  }
  return written;
}

/** A quick pick over `items`; the id of the one picked. */
export async function pickId(items: PickItem[], placeHolder: string, empty: string): Promise<string | undefined> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(empty);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.id;
}

/** The argument a command was given directly (tests, context menus), when it is an id. */
export function idArgument(arg: unknown): string | undefined {
  return typeof arg === 'string' && arg.trim() !== '' ? arg.trim() : undefined;
}
