import type * as vscode from 'vscode';
import type { FeatureDeps } from '../language/deps';
import { retrospectiveItems } from './pick-items';
import { idArgument, pickId, renderDocuments } from './render-documents';

/** "okra: Render Retrospective": a cycle's retrospective document, with the retrospective's template. */
export async function renderRetrospectiveCommand(
  context: vscode.ExtensionContext,
  deps: FeatureDeps,
  arg?: unknown,
): Promise<vscode.Uri[]> {
  const model = deps.session()?.workspace;
  const retro =
    idArgument(arg) ??
    (model &&
      (await pickId(
        retrospectiveItems(model),
        'Which retrospective?',
        'okra: the workspace has no retrospectives (retrospectives: in a ReviewCycles file).',
      )));
  if (!retro || !model) return [];
  const template = model.retrospectives.get(retro)?.value.template;
  return renderDocuments(context, deps, {
    template: typeof template === 'string' && template !== '' ? template : 'okr-retrospective',
    retro,
  });
}
