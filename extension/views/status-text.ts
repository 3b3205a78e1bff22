/** What the status bar item says. Pure (no vscode): unit-tested in test/extension-unit/. */

/** Where Notion sync stands in this window. */
export type SyncState =
  | { state: 'idle' }
  | { state: 'syncing'; done?: number; total?: number }
  | { state: 'synced'; at: string; summary: string }
  | { state: 'failed'; message: string }
  | { state: 'disabled'; reason: string };

export interface StatusCounts {
  errors: number;
  warnings: number;
}

export function syncStateText(sync: SyncState): string {
  switch (sync.state) {
    case 'idle':
      return '$(cloud) Notion';
    case 'syncing':
      return sync.total !== undefined && sync.total > 0 ? `$(sync~spin) ${sync.done ?? 0}/${sync.total}` : '$(sync~spin) syncing';
    case 'synced':
      return `$(cloud) synced ${sync.at}`;
    case 'failed':
      return '$(cloud-offline) sync failed';
    case 'disabled':
      return '$(cloud-offline) sync off';
  }
}

/** `$(error) 2 $(warning) 1 $(cloud) synced 14:02`. */
export function statusBarText(counts: StatusCounts, sync: SyncState): string {
  return `$(error) ${counts.errors} $(warning) ${counts.warnings}  ${syncStateText(sync)}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function statusBarTooltip(counts: StatusCounts, sync: SyncState): string {
  const problems = `okra: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} (click for Problems)`;
  const detail =
    sync.state === 'synced'
      ? `Notion: ${sync.summary}`
      : sync.state === 'failed'
        ? `Notion sync failed: ${sync.message}`
        : sync.state === 'disabled'
          ? `Notion sync: ${sync.reason}`
          : sync.state === 'syncing'
            ? 'Notion: syncing…'
            : 'Notion: not synced in this window';
  return `${problems}\n${detail}`;
}
