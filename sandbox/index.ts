/**
 * okra's local Notion-compatible API server: the 2025-09-03 data-source model,
 * Notion's validation and limits, rate limiting, fault injection, and a
 * read-only board view. Start one with {@link startSandbox}.
 */
export { startSandbox, SUPPORTED_VERSIONS } from './server';
export type { SandboxHandle, SandboxOptions, SandboxStats, UserEdit } from './server';
export { parseFaultSpec, FAULT_KINDS } from './faults';
export type { FaultKind, FaultSpec, QueuedFault } from './faults';
export { NOTION_RATE_LIMIT } from './rate-limit';
export type { RateLimitOptions } from './rate-limit';
export { DEFAULT_USERS } from './model/store';
export type { SeedUser } from './model/store';
export type { SandboxState, StoredUser } from './model/types';
export { escapeHtml } from './board';
export { isLoopbackHost, PUBLIC_SANDBOX_TOKEN } from './host-check';
