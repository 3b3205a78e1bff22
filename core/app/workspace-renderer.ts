import { leavesWorkspace } from '../config/workspace-bounds';
import type { WorkspaceModel } from '../model/workspace-model';
import { builtinDocuments } from '../render/builtin-documents';
import { mergeDocumentSources } from '../render/document-sources';
import { createRenderer, type Renderer } from '../render/renderer';
import { AppError } from './errors';
import type { AppContext, AppHost } from './host';
import type { CheckedWorkspace } from './load-checked';

/**
 * The workspace's template overrides: every `*.hbs` under `templates_dir`, by name
 * (`partials/kr-table`), line ends normalised.
 *
 * Listed through the host the way definition files are, so the CLI and the editor render the
 * same documents: VS Code's `files.exclude` is a view setting and does not hide a template
 * (as it does not hide a definition file); dot files and folders are skipped, as everywhere.
 */
export async function readTemplateOverrides(host: AppHost, model: WorkspaceModel): Promise<Record<string, string>> {
  const setting = model.config?.value.templates_dir;
  if (typeof setting !== 'string' || setting.trim() === '') return {};
  const dir = setting
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (leavesWorkspace(dir))
    throw new AppError(
      'templates-dir',
      `templates_dir "${setting}" in okra.config.yaml is outside the workspace folder; okra reads templates only from inside it`,
    );
  if (!(await host.isFolder(dir))) throw new AppError('templates-dir', `templates_dir "${setting}" in okra.config.yaml is not a folder`);
  const prefix = dir === '' || dir === '.' ? '' : `${dir}/`;
  const files = (await host.listFiles([`${prefix}**/*.hbs`], [])).sort();
  const overrides: Record<string, string> = {};
  const decoder = new TextDecoder();
  for (const file of files) {
    const text = decoder.decode(await host.readFile(file)).replace(/\r\n?/g, '\n');
    overrides[file.slice(prefix.length).replace(/\.hbs$/, '')] = text;
  }
  return overrides;
}

/** A renderer over okra's documents, the plugins' (later ones win) and the workspace's overrides (win over all). */
export async function workspaceRenderer(ctx: AppContext, checked: CheckedWorkspace): Promise<Renderer> {
  const overrides = await readTemplateOverrides(ctx.host, checked.model);
  return createRenderer({
    ...mergeDocumentSources([builtinDocuments, ...checked.plugins, { templates: overrides }]),
    okraVersion: ctx.okraVersion,
  });
}
