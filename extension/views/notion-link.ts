/**
 * Links from okra items to their Notion pages. Pure (no vscode): unit-tested in
 * test/extension-unit/.
 */

/** `https://www.notion.so/<id without dashes>`: the address Notion opens any page by. */
export function notionPageUrl(pageId: string): string {
  return `https://www.notion.so/${pageId.replace(/-/g, '')}`;
}

/** What `.okra/notion-state.json` remembers of rows, by row key (`objectives/fl-fcr`). */
export type StateRows = Readonly<Record<string, { pageId: string } | undefined>>;

/** The sync kinds (databases) CodeLenses link to. */
const SYNC_KIND = { objective: 'objectives', key_result: 'keyResults' } as const;

/** The Notion URL of an objective's or key result's page, when a sync has created one. */
export function notionUrlOf(rows: StateRows, type: keyof typeof SYNC_KIND, id: string): string | undefined {
  const row = rows[`${SYNC_KIND[type]}/${id}`];
  return row?.pageId ? notionPageUrl(row.pageId) : undefined;
}
