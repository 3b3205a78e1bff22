/**
 * The push side of okra's Notion sync.
 *
 * - `mapper/` — pure: workspace items → rows (`objectiveRow`, `keyResultRow`, …, `toProperties`)
 *   and pages → rows (`fromPage`). The SDK's response types stay in there.
 * - `planSync(local, remote, state)` — pure: the diff, keyed by okra ids.
 * - `readRemote` / `applySync` — the network, through `NotionTransport` (pacing, retries).
 * - `syncToNotion(model, options)` — all of it, for the CLI and the extension.
 */
export { applySync, type ApplyOptions, type ApplyResult, type RowFailure, type SyncProgress } from './apply';
export { createNotionClient, parentPageIdOf, type NotionClientOptions } from './client';
export { DATABASES, OKRA_HASH, OKRA_ID, TITLE, propertySpec, schemaConfig, type DatabaseSpec, type PropertySpec } from './databases';
export { checkSchema, type PropertyDrift, type SchemaProperty } from './drift';
export { formatPlan, formatSummary, type PlanPaint } from './format';
export { canonicalJson, rowHash } from './hash';
export * from './mapper';
export { planSync, type Conflict, type DatabaseOp, type PlanOptions, type RemoteDatabase, type RemoteSnapshot, type RowOp, type SyncPlan } from './plan';
export { NOTION_RATE, RateLimiter, sleep, type RateLimit, type Sleep } from './rate-limiter';
export { redact, redactError, SyncError } from './redact';
export { findDatabases, readAllRows, readRemote } from './remote';
export { classifyError, DEFAULT_RETRY, parseRetryAfter, retryDelay, type RetryDecision, type RetryPolicy } from './retry';
export { fitText, fromRichText, MAX_RICH_TEXT_CHARS, RICH_TEXT_LIMITS, splitText, toRichText } from './rich-text';
export { compactId, emptyState, parseState, serializeState, STATE_VERSION, type DatabaseState, type RowState, type SyncState } from './state';
export { syncToNotion, type NotionSyncOptions, type NotionSyncRun } from './sync';
export { isNotFound, NotionTransport, type RetryEvent, type RowPage, type SyncCounters, type TransportOptions } from './transport';
export { KIND_NOUN, rowKey, SYNC_KINDS, type DateValue, type LocalRow, type NormalValue, type RemoteRow, type SyncKind } from './types';
