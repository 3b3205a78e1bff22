import type * as vscode from 'vscode';
import type { FeatureDeps } from '../language/deps';
import { reviewItems } from './pick-items';
import { idArgument, pickId, renderDocuments } from './render-documents';

/** "okra: Render Review Documents": one document per participant of a review, with the review's template. */
export async function renderReviewDocumentsCommand(
  context: vscode.ExtensionContext,
  deps: FeatureDeps,
  arg?: unknown,
): Promise<vscode.Uri[]> {
  const model = deps.session()?.workspace;
  const review =
    idArgument(arg) ??
    (model && (await pickId(reviewItems(model), 'Which review?', 'okra: the workspace has no reviews (reviews: in a ReviewCycles file).')));
  if (!review || !model) return [];
  const template = model.reviews.get(review)?.value.template;
  return renderDocuments(context, deps, {
    template: typeof template === 'string' && template !== '' ? template : 'growwise-review',
    review,
  });
}
