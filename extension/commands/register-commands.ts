import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { FeatureDeps } from '../language/deps';
import { SandboxManager } from './sandbox-manager';

/** What registerCommands hands back (the extension tests reach the sandbox through it). */
export interface OkraCommands {
  sandbox: SandboxManager;
}

/**
 * The palette commands (the OKRs view's refresh is registered with the view). Handlers import their module on
 * first use, so activation only registers them; the core they call loads from dist/core.js.
 * Every command takes its target as an argument too (an id, a Uri, options), so that tests and
 * context menus skip the quick pick. Errors end as one message and a log line.
 */
export function registerCommands(context: vscode.ExtensionContext, deps: FeatureDeps): OkraCommands {
  const sandbox = new SandboxManager();
  let lastRendered: vscode.Uri | undefined;
  const remember = (uris: vscode.Uri[]) => {
    if (uris.length > 0) lastRendered = uris[0];
    return uris;
  };

  const register = (id: string, handler: (...args: unknown[]) => Promise<unknown> | unknown) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.log.error(`${id} failed`, error);
        void vscode.window.showErrorMessage(`okra: ${message}`);
        return undefined;
      }
    });

  context.subscriptions.push(
    sandbox,
    register(COMMANDS.syncToNotion, async (options) =>
      (await import('./sync-to-notion')).syncToNotionCommand(
        context,
        deps,
        sandbox,
        typeof options === 'object' && options !== null ? options : {},
      ),
    ),
    register(COMMANDS.pullFromNotion, async (options) =>
      (await import('./pull-from-notion')).pullFromNotionCommand(
        context,
        deps,
        sandbox,
        typeof options === 'object' && options !== null ? options : {},
      ),
    ),
    register(COMMANDS.setNotionToken, async () => (await import('./set-notion-token')).setNotionTokenCommand(context, deps)),
    register(COMMANDS.renderOneOnOne, async (arg) =>
      remember(await (await import('./render-one-on-one')).renderOneOnOneCommand(context, deps, arg)),
    ),
    register(COMMANDS.renderReviewDocuments, async (arg) =>
      remember(await (await import('./render-review-documents')).renderReviewDocumentsCommand(context, deps, arg)),
    ),
    register(COMMANDS.renderRetrospective, async (arg) =>
      remember(await (await import('./render-retrospective')).renderRetrospectiveCommand(context, deps, arg)),
    ),
    register(COMMANDS.previewDocument, async (arg) => (await import('./preview-document')).previewDocumentCommand(() => lastRendered, arg)),
    register(COMMANDS.newOkrFile, async () => (await import('./new-okr-file')).newOkrFileCommand(deps)),
    register(COMMANDS.openSandboxBoard, async (options) =>
      (await import('./open-sandbox-board')).openSandboxBoardCommand(
        deps,
        sandbox,
        typeof options === 'object' && options !== null ? options : {},
      ),
    ),
  );
  return { sandbox };
}
