/** Milliseconds since the epoch; injectable so tests control time. */
export type Clock = () => number;

const MINUTE = 60_000;

/**
 * Notion truncates `created_time` and `last_edited_time` to the minute; sync code
 * that compares timestamps must cope with many edits sharing one value.
 */
export function floorToMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

/** ISO 8601 with milliseconds, as Notion prints timestamps. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
