import type * as vscode from 'vscode';
import type { FeatureDeps } from '../language/deps';
import { peopleItems } from './pick-items';
import { idArgument, pickId, renderDocuments } from './render-documents';

/** "okra: Render 1:1 Agenda": a person (given, or picked), their agenda with the built-in `one-on-one` template. */
export async function renderOneOnOneCommand(context: vscode.ExtensionContext, deps: FeatureDeps, arg?: unknown): Promise<vscode.Uri[]> {
  const model = deps.session()?.workspace;
  const person =
    idArgument(arg) ?? (model && (await pickId(peopleItems(model), 'Whose 1:1 agenda?', 'okra: the workspace has no people.')));
  if (!person) return [];
  return renderDocuments(context, deps, { template: 'one-on-one', person });
}
