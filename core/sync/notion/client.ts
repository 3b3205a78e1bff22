import { Client, extractPageId, LogLevel } from '@notionhq/client';
import { redact } from './redact';

type ClientOptions = NonNullable<ConstructorParameters<typeof Client>[0]>;

export interface NotionClientOptions {
  /** The integration token (`NOTION_TOKEN`). */
  token: string;
  /** The API address (`NOTION_BASE_URL`; default Notion's own). */
  baseUrl?: string;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  /** Receives the client's own warnings, token removed. */
  onLog?: (line: string) => void;
  /** A fetch to use instead of the global one (e.g. one that counts requests). */
  fetch?: ClientOptions['fetch'];
}

/**
 * The Notion client okra uses: the SDK's own retries are off (okra's retry policy, with pacing
 * and duplicate-safe creates, owns them) and its log lines pass through `redact`.
 */
export function createNotionClient(options: NotionClientOptions): Client {
  return new Client({
    auth: options.token,
    baseUrl: options.baseUrl || undefined,
    retry: false,
    timeoutMs: options.timeoutMs ?? 30_000,
    logLevel: LogLevel.WARN,
    logger: (level, message, extra) => {
      // The client logs every failed request at WARN; okra's retry log says the same more usefully.
      if (level !== LogLevel.ERROR || !options.onLog) return;
      options.onLog(redact(`notion: ${message} ${JSON.stringify(extra)}`, [options.token]));
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/**
 * The page id in `notion.parent_page`: a Notion URL or an id, with or without dashes.
 * Undefined when it is neither.
 */
export function parentPageIdOf(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[0-9a-f]{32}$/i.test(trimmed.replace(/-/g, ''))) {
    const hex = trimmed.replace(/-/g, '').toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return extractPageId(trimmed) ?? undefined;
}
