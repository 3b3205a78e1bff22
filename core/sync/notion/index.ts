/**
 * The push side of okra's Notion sync.
 *
 * - `mapper/` — pure: workspace items → rows (`objectiveRow`, `keyResultRow`, …, `toProperties`)
 *   and pages → rows (`fromPage`). The SDK's response types stay in there.
 * - `planSync(local, remote, state)` — pure: the diff, keyed by okra ids.
 * - `readRemote` / `applySync` — the network, through `NotionTransport` (pacing, retries).
 * - `planPull` / `writePullEdits` — `okra sync --pull`: Notion's edits to key results' Current,
 *   Confidence and Done as check-ins, written into the YAML as text splices that keep the rest.
 * - `planDocuments` / `applyDocuments` — rendered documents as pages under "Documents".
 * - `syncToNotion(model, options)` — all of it, for the CLI and the extension.
 */
export { applySync, type ApplyOptions, type ApplyResult, type RowFailure, type SyncProgress } from './apply';
export { createNotionClient, parentPageIdOf, type NotionClientOptions } from './client';
export {
  DATABASES,
  OKRA_HASH,
  OKRA_ID,
  PULLED,
  TITLE,
  propertySpec,
  schemaConfig,
  type DatabaseSpec,
  type PropertySpec,
} from './databases';
export { checkSchema, type PropertyDrift, type SchemaProperty } from './drift';
export {
  applyDocuments,
  DEFAULT_DOCUMENT_SETTINGS,
  documentAllowed,
  documentHash,
  documentSettings,
  documentTitle,
  DOCUMENTS_TITLE,
  formatDocumentsPlan,
  planDocuments,
  readRemoteDocuments,
  type DocumentOp,
  type DocumentPage,
  type DocumentSettings,
  type DocumentsPlan,
  type DocumentsResult,
  type RemoteDocuments,
} from './documents';
export {
  acceptPull,
  formatPull,
  planPull,
  type NotPulled,
  type PullAgreed,
  type PullConflict,
  type PullEdit,
  type PulledCheckIn,
  type PullOptions,
  type PullPlan,
} from './pull';
export { writePullEdits, type WriteBack } from './write-back';
export { formatPlan, formatSummary, type PlanPaint } from './format';
export { canonicalJson, rowHash } from './hash';
export * from './mapper';
export {
  planSync,
  type Conflict,
  type DatabaseOp,
  type PlanOptions,
  type RemoteDatabase,
  type RemoteSnapshot,
  type RowOp,
  type SyncPlan,
} from './plan';
export { NOTION_RATE, RateLimiter, sleep, type RateLimit, type Sleep } from './rate-limiter';
export { redact, redactError, SyncError } from './redact';
export { findDatabases, readAllRows, readRemote } from './remote';
export { classifyError, DEFAULT_RETRY, parseRetryAfter, retryDelay, type RetryDecision, type RetryPolicy } from './retry';
export { fitText, fromRichText, MAX_RICH_TEXT_CHARS, RICH_TEXT_LIMITS, splitText, toRichText } from './rich-text';
export {
  compactId,
  emptyState,
  parseState,
  serializeState,
  STATE_VERSION,
  type DatabaseState,
  type DocumentState,
  type DocumentsState,
  type RowState,
  type SyncState,
} from './state';
export { syncToNotion, type NotionSyncOptions, type NotionSyncRun } from './sync';
export {
  isArchived,
  isNotFound,
  NotionTransport,
  type RetryEvent,
  type RowPage,
  type SyncCounters,
  type TransportOptions,
} from './transport';
export { KIND_NOUN, rowKey, SYNC_KINDS, type DateValue, type LocalRow, type NormalValue, type RemoteRow, type SyncKind } from './types';
