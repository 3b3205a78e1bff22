/**
 * okra's own types for the Notion sync. The SDK's response unions stay inside the mapper
 * (`mapper/properties.ts` reads pages); everything else works with these.
 */

/** The five databases okra keeps under `notion.parent_page`. */
export type SyncKind = 'objectives' | 'keyResults' | 'kpis' | 'tiers' | 'calendar';

/** Order in which databases are created and rows are written: relation targets first. */
export const SYNC_KINDS: readonly SyncKind[] = ['kpis', 'tiers', 'objectives', 'keyResults', 'calendar'];

/** The singular noun of a kind, as the plan prints it (`+ create key-result fl-fcr`). */
export const KIND_NOUN: Record<SyncKind, string> = {
  objectives: 'objective',
  keyResults: 'key-result',
  kpis: 'kpi',
  tiers: 'tier',
  calendar: 'event',
};

/** A date value: ISO date or date-time, with an optional exclusive end. */
export interface DateValue {
  start: string;
  end: string | null;
}

/**
 * A property value in okra's normal form, the same whether it was computed from the YAML or
 * read back from Notion, so that the two can be compared and hashed:
 * title/rich_text → string, number → number|null, select → name|null, multi_select → names,
 * date → DateValue|null, people → Notion user ids, checkbox → boolean.
 */
export type NormalValue = string | number | boolean | null | string[] | DateValue;

/** A row as okra wants it in Notion, computed from the workspace. */
export interface LocalRow {
  kind: SyncKind;
  /** The okra id (for calendar rows: the event's stable uid). Unique within a kind. */
  okraId: string;
  /** `kind/okraId`: unique across kinds; the key of the state file and of plan operations. */
  key: string;
  /** Property values by property name, relations excluded. */
  values: Record<string, NormalValue>;
  /** Relation properties by name: okra ids of the target kind, sorted. */
  relations: Record<string, string[]>;
  /** Content hash of `values` and `relations` (see hash.ts). */
  hash: string;
}

/** A row read back from Notion. */
export interface RemoteRow {
  kind: SyncKind;
  pageId: string;
  /** The `okra id` property; empty for rows people made by hand. */
  okraId: string;
  key: string;
  /** The `okra hash` property: the hash of what okra last wrote. */
  storedHash: string;
  /** Values of okra's properties, by okra's property name (found by property id when renamed). */
  values: Record<string, NormalValue>;
  /** Relation properties by name: Notion page ids (Notion truncates to 25 in page responses). */
  relations: Record<string, string[]>;
  /** Properties okra expects that the page does not have (deleted columns). */
  missing: string[];
  lastEditedTime: string;
  /** The user who last edited the page (a person's id for an edit made in Notion). */
  lastEditedBy?: string;
  createdTime: string;
  createdBy: string;
  inTrash: boolean;
}

/** Builds the cross-kind key of a row. */
export function rowKey(kind: SyncKind, okraId: string): string {
  return `${kind}/${okraId}`;
}
