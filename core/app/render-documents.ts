import { DateTime } from 'luxon';
import {
  planAllDocuments,
  planDocuments,
  RenderRequestError,
  type DocumentJob,
  type RenderRequest,
  type SkippedDocument,
} from '../render/plan';
import { TemplateError, type Renderer } from '../render/renderer';
import { toHtml } from '../render/to-html';
import { toNotionChunks } from '../render/to-notion';
import { AppError } from './errors';
import type { AppContext } from './host';
import { loadChecked } from './load-checked';
import { workspaceRenderer } from './workspace-renderer';

/** Markdown, a printable HTML page, or Notion block JSON (in appends of 100). */
export type DocumentFormat = 'md' | 'html' | 'notion';

const EXTENSIONS: Record<DocumentFormat, string> = { md: '.md', html: '.html', notion: '.json' };

export interface RenderDocumentsOptions {
  /** Default `['md']`; every document is rendered in each. */
  formats?: readonly DocumentFormat[];
  /** ISO day the documents are prepared as of; default today in the workspace's zone. */
  date?: string;
  /**
   * Folder the files are written to through the host (workspace-relative, or absolute where the
   * host allows it); without it nothing is written and the texts are returned only.
   */
  outDir?: string;
  onProgress?: (done: number, total: number) => void;
}

/** One document in one format: where it goes (under the output folder) and its text. */
export interface RenderedFile {
  /** `one-on-one/ana-lima.md`: template, target, extension. */
  path: string;
  text: string;
}

export interface RenderDocumentsResult {
  files: RenderedFile[];
  /** Paths written (`outDir` joined with each file's path); none without `outDir`. */
  written: string[];
  /** Items whose template is missing or of another kind (whole-workspace rendering only). */
  skipped: SkippedDocument[];
  /** Errors in the workspace: documents may be incomplete, the adapter says so. */
  errors: number;
}

/**
 * `okra render <template> …` and the editor's Render commands: the documents one request asks
 * for (a person's 1:1 agenda, a review's documents, a retrospective), rendered with okra's
 * templates, the plugins' and the workspace's `templates_dir` overrides. A workspace with errors
 * still renders (the result counts them). An unknown template or id, or a failing template, is an
 * {@link AppError} `render-request` whose message names it.
 */
export async function renderDocuments(
  ctx: AppContext,
  request: Omit<RenderRequest, 'date'>,
  options: RenderDocumentsOptions = {},
): Promise<RenderDocumentsResult> {
  const checked = await loadChecked(ctx);
  const renderer = await workspaceRenderer(ctx, checked);
  const date = options.date ?? today(checked.model.timezone);
  const jobs = asRequestError(() => planDocuments(checked.model, renderer, { ...request, date }));
  if (jobs.length === 0) throw new AppError('render-request', `Nothing to render for ${request.template} with these options`);
  return { ...(await renderJobs(ctx, renderer, jobs, options)), skipped: [], errors: checked.errors };
}

/**
 * Every document of the workspace (what `okra demo` writes): each report's 1:1 agenda, each
 * review's documents per participant, each retrospective. Items whose template is missing are
 * skipped and returned.
 */
export async function renderAllDocuments(ctx: AppContext, options: RenderDocumentsOptions = {}): Promise<RenderDocumentsResult> {
  const checked = await loadChecked(ctx);
  const renderer = await workspaceRenderer(ctx, checked);
  const { jobs, skipped } = planAllDocuments(checked.model, renderer, options.date ?? today(checked.model.timezone));
  return { ...(await renderJobs(ctx, renderer, jobs, options)), skipped, errors: checked.errors };
}

/** A document's Markdown in the requested format. */
export function formatDocument(markdown: string, title: string, format: DocumentFormat): string {
  if (format === 'html') return toHtml(markdown, { title });
  if (format === 'notion') return JSON.stringify(toNotionChunks(markdown), null, 2) + '\n';
  return markdown;
}

function today(zone: string): string {
  return DateTime.now().setZone(zone).toISODate() as string;
}

/** Runs `plan`, turning the core's request and template errors into an AppError for the adapter to show. */
function asRequestError<T>(plan: () => T): T {
  try {
    return plan();
  } catch (error) {
    if (error instanceof RenderRequestError || error instanceof TemplateError) throw new AppError('render-request', error.message);
    throw error;
  }
}

async function renderJobs(
  ctx: AppContext,
  renderer: Renderer,
  jobs: readonly DocumentJob[],
  options: RenderDocumentsOptions,
): Promise<{ files: RenderedFile[]; written: string[] }> {
  const provenance = (await ctx.host.provenance?.()) ?? {};
  const formats = options.formats ?? ['md'];
  const files: RenderedFile[] = [];
  const written: string[] = [];
  const total = jobs.length * formats.length;
  for (const format of formats) {
    for (const job of jobs) {
      const document = asRequestError(() => renderer.render(job.template, job.build(), provenance));
      const file = { path: job.path.join('/') + EXTENSIONS[format], text: formatDocument(document.markdown, document.title, format) };
      files.push(file);
      if (options.outDir !== undefined) {
        const base = options.outDir.replace(/[\\/]+$/, '');
        const path = base === '' ? file.path : `${base}/${file.path}`;
        await ctx.host.writeFile(path, file.text);
        written.push(path);
      }
      options.onProgress?.(files.length, total);
    }
  }
  return { files, written };
}
