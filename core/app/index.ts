/**
 * What a user asks okra for, once, over a host for files and secrets: sync a workspace to Notion
 * (documents included), pull check-ins back into the YAML, render documents. The CLI and the
 * extension parse arguments, confirm and print; every decision is made here.
 */
export { AppError, isAppError, type AppErrorCode } from './errors';
export { memoryAppHost, type AppContext, type AppHost } from './host';
export { loadChecked, type CheckedWorkspace } from './load-checked';
export { documentPages, type SkippedPage } from './document-pages';
export { pullCheckIns } from './pull-check-ins';
export {
  formatDocument,
  renderAllDocuments,
  renderDocuments,
  type DocumentFormat,
  type RenderDocumentsOptions,
  type RenderDocumentsResult,
  type RenderedFile,
} from './render-documents';
export {
  documentWrites,
  NOTION_STATE_FILE,
  syncHasWork,
  syncWorkspace,
  type SyncEvent,
  type SyncStateStore,
  type SyncWorkspaceOptions,
  type SyncWorkspaceResult,
} from './sync-workspace';
export { readTemplateOverrides, workspaceRenderer } from './workspace-renderer';
export { writePulledCheckIns } from './write-pulled-check-ins';
