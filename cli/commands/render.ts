import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import fg from 'fast-glob';
import { DateTime } from 'luxon';
import type { WorkspaceModel } from '../../core/model/workspace-model';
import {
  builtinDocuments,
  createRenderer,
  mergeDocumentSources,
  planAllDocuments,
  planDocuments,
  RenderRequestError,
  TemplateError,
  toHtml,
  toNotionChunks,
  type DocumentJob,
  type DocumentSources,
  type Renderer,
  type SkippedDocument,
} from '../../core/render';
import { leavesWorkspace } from '../../core/workspace/workspace-bounds';
import { writeFileAtomic } from '../atomic-write';
import { UsageError } from '../errors';
import { findWorkspace } from '../find-workspace';
import { okraVersion } from '../package-root';
import { progressBar } from '../progress';
import { withWorkspaceOption } from '../workspace-options';

export type DocumentFormat = 'md' | 'html' | 'notion';

const EXTENSIONS: Record<DocumentFormat, string> = { md: '.md', html: '.html', notion: '.json' };

/** What rendering needs from a workspace: its model, its plugins' templates and helpers, and whether it has errors. */
export interface LoadedForRender {
  model: WorkspaceModel;
  plugins: readonly DocumentSources[];
  errors: number;
}

export type WorkspaceLoader = (root: string) => Promise<LoadedForRender>;

/** Loads the workspace the way `okra validate` does (plugins included), counting its errors. */
export const validateLoader: WorkspaceLoader = async (root) => {
  // Imported on use: rendering from a model (tests, `renderDocuments`) does not need the validator.
  const { runValidation } = await import('./validate');
  const result = await runValidation(root);
  return { model: result.model, plugins: result.plugins, errors: result.diagnostics.filter((d) => d.severity === 'error').length };
};

/** The workspace's template overrides: every `*.hbs` under `templates_dir`, by name (`partials/kr-table`). */
export async function readTemplateOverrides(root: string, model: WorkspaceModel): Promise<Record<string, string>> {
  const dir = model.config?.value.templates_dir;
  if (typeof dir !== 'string' || dir.trim() === '') return {};
  if (leavesWorkspace(dir))
    throw new UsageError(
      `templates_dir "${dir}" in okra.config.yaml is outside the workspace folder; okra reads templates only from inside it`,
    );
  const folder = resolve(root, dir);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`templates_dir "${dir}" in okra.config.yaml is not a folder (looked for ${folder})`);
  }
  const files = (await fg(['**/*.hbs'], { cwd: folder, onlyFiles: true, dot: false })).sort();
  const overrides: Record<string, string> = {};
  for (const file of files) overrides[file.replace(/\.hbs$/, '')] = (await readFile(join(folder, file), 'utf8')).replace(/\r\n?/g, '\n');
  return overrides;
}

/** The workspace's git commit, and whether tracked files changed since; `undefined` outside git. */
export function gitState(root: string): { commit?: string; dirty?: boolean } {
  try {
    const options = { cwd: root, encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], options).trim();
    // Untracked files are not counted: the output folder itself is often inside the workspace.
    const changes = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.'], options).trim();
    return { commit, dirty: changes !== '' };
  } catch {
    return {};
  }
}

/** `--date`, checked; default today in the workspace's time zone. */
export function documentDate(date: string | undefined, zone: string): string {
  if (date === undefined) return DateTime.now().setZone(zone).toISODate() as string;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid)
    throw new UsageError(`--date takes a date like 2026-06-01, not "${date}"`);
  return date;
}

/** A renderer over okra's documents, the plugins' (later ones win) and the workspace's overrides (win over all). */
export function rendererFor(plugins: readonly DocumentSources[], overrides: Record<string, string>): Renderer {
  return createRenderer({ ...mergeDocumentSources([builtinDocuments, ...plugins, { templates: overrides }]), okraVersion: okraVersion() });
}

/** A document in the requested format. */
export function formatDocument(markdown: string, title: string, format: DocumentFormat): string {
  if (format === 'html') return toHtml(markdown, { title });
  if (format === 'notion') return JSON.stringify(toNotionChunks(markdown), null, 2) + '\n';
  return markdown;
}

export interface RenderJobsOptions {
  format: DocumentFormat;
  /** Output folder; `-` for stdout. */
  out: string;
  commit?: string;
  dirty?: boolean;
  stdout?: NodeJS.WritableStream;
}

/** Renders jobs and writes them (atomically) under `out`, or to stdout; returns the files written. */
export async function writeDocuments(renderer: Renderer, jobs: readonly DocumentJob[], options: RenderJobsOptions): Promise<string[]> {
  const written: string[] = [];
  const progress = options.out === '-' ? undefined : progressBar('Rendering', 50);
  const stdout = options.stdout ?? process.stdout;
  try {
    for (const [i, job] of jobs.entries()) {
      let text: string;
      try {
        const document = renderer.render(job.template, job.build(), { commit: options.commit, dirty: options.dirty });
        text = formatDocument(document.markdown, document.title, options.format);
      } catch (error) {
        if (error instanceof TemplateError) throw new UsageError(error.message);
        throw error;
      }
      if (options.out === '-') {
        stdout.write(text);
      } else {
        const path = join(options.out, ...job.path) + EXTENSIONS[options.format];
        await writeFileAtomic(path, text);
        written.push(path);
      }
      progress?.update(i + 1, jobs.length);
    }
  } finally {
    progress?.stop();
  }
  return written;
}

export interface RenderCommandOptions {
  person?: string;
  team?: string;
  review?: string;
  retro?: string;
  format: DocumentFormat;
  out: string;
  date?: string;
  workspace?: string;
}

/** `okra render <template> …` on the workspace at `root`; returns the files written (none for stdout). */
export async function runRender(
  root: string,
  template: string,
  options: RenderCommandOptions,
  load: WorkspaceLoader = validateLoader,
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<string[]> {
  const { model, plugins, errors } = await load(root);
  if (errors > 0)
    process.stderr.write(
      `okra: the workspace has ${errors} error${errors === 1 ? '' : 's'}; documents may be incomplete (see okra validate)\n`,
    );
  const renderer = rendererFor(plugins, await readTemplateOverrides(root, model));
  const date = documentDate(options.date, model.timezone);
  let jobs: DocumentJob[];
  try {
    jobs = planDocuments(model, renderer, {
      template,
      person: options.person,
      team: options.team,
      review: options.review,
      retro: options.retro,
      date,
    });
  } catch (error) {
    if (error instanceof RenderRequestError || error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
  if (jobs.length === 0) throw new UsageError(`Nothing to render for ${template} with these options`);
  return writeDocuments(renderer, jobs, {
    format: options.format,
    out: options.out === '-' ? '-' : resolve(process.cwd(), options.out),
    stdout,
    ...gitState(root),
  });
}

export interface RenderAllOptions {
  /** ISO date the documents are as of; default today in the workspace's zone. */
  date?: string;
  formats?: DocumentFormat[];
  load?: WorkspaceLoader;
}

/**
 * Renders every document of the workspace at `root` into `outDir`: each report's 1:1 agenda,
 * each review's documents per participant, each retrospective (what `okra demo` / `npm start`
 * writes). Items whose template is missing are skipped and returned.
 */
export async function renderAll(
  root: string,
  outDir: string,
  options: RenderAllOptions = {},
): Promise<{ written: string[]; skipped: SkippedDocument[] }> {
  const { model, plugins } = await (options.load ?? validateLoader)(root);
  const renderer = rendererFor(plugins, await readTemplateOverrides(root, model));
  const date = documentDate(options.date, model.timezone);
  const { jobs, skipped } = planAllDocuments(model, renderer, date);
  const git = gitState(root);
  const written: string[] = [];
  for (const format of options.formats ?? ['md']) written.push(...(await writeDocuments(renderer, jobs, { format, out: outDir, ...git })));
  return { written, skipped };
}

export function registerRenderCommand(program: Command): void {
  withWorkspaceOption(
    program
      .command('render')
      .description('write documents from templates: 1:1 agendas, GrowWise reviews, OKR retrospectives')
      .argument('<template>', 'one-on-one, growwise-review, okr-retrospective, or a template from a plugin or the workspace templates_dir'),
  )
    .option('--person <id>', "one-on-one: that person's agenda; growwise-review: only that participant")
    .option('--team <id>', "one-on-one: every member; growwise-review: only its members; okr-retrospective: the team's objectives")
    .option('--review <id>', 'growwise-review: one document per participant of this review')
    .option('--retro <id>', 'okr-retrospective: this retrospective')
    .addOption(
      new Option('-f, --format <format>', 'md (Markdown), html (a printable page) or notion (Notion block JSON, in appends of 100)')
        .choices(['md', 'html', 'notion'])
        .default('md'),
    )
    .option('-o, --out <dir>', 'output folder, or - for stdout', 'out')
    .option('--date <date>', 'prepare the documents as of this day, YYYY-MM-DD (default: today in the workspace time zone)')
    .addHelpText(
      'after',
      '\nFiles: <out>/one-on-one/<person>.md, <out>/growwise-review/<review>/<person>.md, <out>/okr-retrospective/<retro>.md.\n' +
        'Examples:\n  okra render one-on-one --person jonas-berg --date 2026-04-14\n  okra render growwise-review --review growwise-2026-h1 --format html\n  okra render okr-retrospective --retro okr-retro-2026-h1 --out -',
    )
    .action(async (template: string, options: RenderCommandOptions) => {
      const root = findWorkspace(process.cwd(), options.workspace);
      const written = await runRender(root, template, options);
      if (written.length > 0) {
        const shown =
          relative(process.cwd(), written.length === 1 ? written[0] : resolve(options.out))
            .split(sep)
            .join('/') || '.';
        process.stdout.write(written.length === 1 ? `Wrote ${shown}\n` : `Wrote ${written.length} documents to ${shown}/\n`);
      }
    });
}
