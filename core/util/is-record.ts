/** A mapping: an object that is neither `null` nor a list. File data is checked with this before it is read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
