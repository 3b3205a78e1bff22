import type { WorkspaceModel } from '../model/workspace-model';
import { planAllDocuments } from '../render/plan';
import { TemplateError, type Renderer } from '../render/renderer';
import { documentAllowed, documentSettings, type DocumentPage } from '../sync/notion/documents';

/** A document the sync leaves out, and why (its template fails). */
export interface SkippedPage {
  key: string;
  reason: string;
}

/**
 * The rendered documents `notion.documents` allows: each 1:1 agenda and retrospective by
 * default, reviews only when turned on. Rendered without the git commit, so that a page is
 * rewritten when its content changes, not on every commit.
 */
export function documentPages(renderer: Renderer, model: WorkspaceModel, date: string): { pages: DocumentPage[]; skipped: SkippedPage[] } {
  const settings = documentSettings(model.config?.value.notion?.documents);
  const pages: DocumentPage[] = [];
  const skipped: SkippedPage[] = [];
  for (const job of planAllDocuments(model, renderer, date).jobs) {
    if (!documentAllowed(settings, job.kind)) continue;
    const key = job.path.join('/');
    try {
      const doc = renderer.render(job.template, job.build(), {});
      pages.push({ key, kind: job.kind, markdown: doc.markdown, fallbackTitle: doc.title });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      skipped.push({ key, reason: error.message });
    }
  }
  return { pages, skipped };
}
