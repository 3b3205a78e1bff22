/**
 * okra's documents: view models computed from the workspace model, Handlebars templates, and
 * Markdown, HTML or Notion blocks out. No I/O: callers pass templates from files (workspace
 * overrides), the git commit and the date.
 *
 * ```ts
 * const renderer = createRenderer({ ...mergeDocumentSources([builtinDocuments, ...plugins, overrides]), okraVersion });
 * for (const job of planDocuments(model, renderer, { template: 'growwise-review', review: 'growwise-2026-h1', date: '2026-06-01' })) {
 *   const { markdown, title } = renderer.render(job.template, job.build(), { commit });
 *   write(job.path.join('/') + '.md', markdown); // or toHtml(markdown, { title }), toNotionChunks(markdown)
 * }
 * ```
 * Text from the workspace is Markdown-escaped before a template sees it (see markdown-escape.ts);
 * templates are strict: a field the view model does not have is an error naming the template.
 */
export {
  createRenderer,
  tidy,
  TemplateError,
  type ContextKind,
  type DocumentView,
  type Renderer,
  type RendererOptions,
  type RenderOptions,
  type RenderedDocument,
} from './renderer';
export { mergeDocumentSources, partialName, type DocumentSources, type MergedSources } from './document-sources';
export { builtinDocuments } from './builtin-documents';
export { builtinTemplates } from './templates.generated';
export { builtinHelpers } from './helpers';
export { escapeMarkdown, escapeDeep, escapeHtml } from './markdown-escape';
export { provenanceLine, templateVersion, type Provenance } from './provenance';
export { toHtml, markdownToHtmlFragment, PRINT_STYLESHEET, type HtmlOptions } from './to-html';
export {
  toNotionBlocks,
  toNotionChunks,
  chunkBlocks,
  splitText,
  splitRichText,
  limitNesting,
  NOTION_LIMITS,
  type NotionBlock,
} from './to-notion';
export { markStrictParams, VIEW_PROTOTYPE } from './strict-paths';
export { planDocuments, planAllDocuments, RenderRequestError, type DocumentJob, type RenderRequest, type SkippedDocument } from './plan';
export * from './context';
