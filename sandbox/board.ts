import { compactId } from './model/ids';
import { plainText } from './model/rich-text';
import type { PagePropertyValue, Serializer } from './model/serialize';
import type { Store } from './model/store';
import type { StoredDataSource, StoredOption, StoredProperty } from './model/types';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The read-only board at `/`: every database that is not in the trash, each data
 * source shown as a table and, when it has a status (or select) property, as a
 * board grouped by that property. Everything user-controlled is escaped; the
 * page carries no script.
 */
export function renderBoard(store: Store, ser: Serializer): string {
  const sections: string[] = [];
  const databases = Object.values(store.state.databases)
    .filter((db) => !db.in_trash)
    .sort((a, b) => a.created_time - b.created_time || a.id.localeCompare(b.id));
  for (const db of databases) {
    for (const dsId of db.data_source_ids) {
      const ds = store.state.data_sources[dsId];
      if (!ds || ds.in_trash) continue;
      const title = plainText(db.title) || 'Untitled';
      const dsTitle = plainText(ds.title);
      const heading = dsTitle && dsTitle !== title ? `${title} — ${dsTitle}` : title;
      sections.push(`<section class="database" id="${compactId(db.id)}" data-data-source="${escapeHtml(ds.id)}">
<h2>${escapeHtml(heading)}</h2>
${renderTable(store, ser, ds)}
${renderColumns(store, ser, ds)}
</section>`);
    }
  }
  const body =
    sections.length > 0 ? sections.join('\n') : '<p class="empty">No databases yet. Run a sync against this sandbox to see them here.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(store.state.workspace.name)} — okra sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(store.state.workspace.name)}</h1><p>Read-only view of the okra Notion sandbox. Reload to refresh.</p></header>
<main>
${body}
</main>
</body>
</html>`;
}

function visibleRows(store: Store, ds: StoredDataSource) {
  return store.rowsOf(ds.id).filter((p) => !p.in_trash);
}

function renderTable(store: Store, ser: Serializer, ds: StoredDataSource): string {
  const columns = [...ds.properties].sort((a, b) => (a.config.type === 'title' ? -1 : b.config.type === 'title' ? 1 : 0));
  const head = columns.map((p) => `<th scope="col">${escapeHtml(p.name)}</th>`).join('');
  const rows = visibleRows(store, ds)
    .map((page) => {
      const cells = columns
        .map((p) => `<td data-type="${p.config.type}">${escapeHtml(formatValue(store, ser.propertyValue(page, p), p))}</td>`)
        .join('');
      return `<tr id="${compactId(page.id)}">${cells}</tr>`;
    })
    .join('\n');
  return `<table class="table"><thead><tr>${head}</tr></thead><tbody>
${rows || `<tr><td colspan="${columns.length}" class="empty">No rows</td></tr>`}
</tbody></table>`;
}

function groupProperty(ds: StoredDataSource): (StoredProperty & { config: { options: StoredOption[] } }) | undefined {
  const byType = (type: 'status' | 'select') => ds.properties.find((p) => p.config.type === type);
  return (byType('status') ?? byType('select')) as (StoredProperty & { config: { options: StoredOption[] } }) | undefined;
}

function renderColumns(store: Store, ser: Serializer, ds: StoredDataSource): string {
  const prop = groupProperty(ds);
  if (!prop) return '';
  const titleProp = ds.properties.find((p) => p.config.type === 'title');
  const rows = visibleRows(store, ds);
  const groups = [
    ...prop.config.options.map((o) => ({ key: o.id, name: o.name, color: o.color })),
    { key: '', name: `No ${prop.name}`, color: 'default' },
  ];
  const columns = groups.map((g) => {
    const cards = rows
      .filter(
        (r) =>
          (typeof r.properties[prop.id] === 'string' ? r.properties[prop.id] : '') === g.key ||
          (g.key === '' && !prop.config.options.some((o) => o.id === r.properties[prop.id])),
      )
      .map((r) => {
        const title = titleProp ? formatValue(store, ser.propertyValue(r, titleProp)) : '';
        return `<li class="card">${escapeHtml(title || 'Untitled')}</li>`;
      });
    if (g.key === '' && cards.length === 0) return '';
    return `<div class="column color-${escapeHtml(g.color)}" data-group="${escapeHtml(g.name)}"><h3>${escapeHtml(g.name)} <span class="count">${cards.length}</span></h3><ul>${cards.join('')}</ul></div>`;
  });
  return `<div class="board" aria-label="${escapeHtml(`${prop.name} board`)}">${columns.join('')}</div>`;
}

/** A property value as one line of plain text. */
function formatValue(store: Store, v: PagePropertyValue, prop?: StoredProperty): string {
  const user = (id: string) => store.user(id)?.name ?? id;
  const page = (id: string) => {
    const p = store.state.pages[id];
    return p ? store.pageTitle(p) || 'Untitled' : id;
  };
  switch (v.type) {
    case 'title':
      return plainText(v.title);
    case 'rich_text':
      return plainText(v.rich_text);
    case 'number':
      if (v.number === null) return '';
      return prop?.config.type === 'number' && prop.config.format === 'percent' ? `${Math.round(v.number * 1000) / 10}%` : String(v.number);
    case 'checkbox':
      return v.checkbox ? '☑' : '☐';
    case 'select':
      return v.select?.name ?? '';
    case 'status':
      return v.status?.name ?? '';
    case 'multi_select':
      return v.multi_select.map((o) => o.name).join(', ');
    case 'date':
      return v.date ? (v.date.end ? `${v.date.start} → ${v.date.end}` : v.date.start) : '';
    case 'people':
      return v.people.map((p) => user(p.id)).join(', ');
    case 'relation':
      return v.relation.map((r) => page(r.id)).join(', ');
    case 'url':
      return v.url ?? '';
    case 'email':
      return v.email ?? '';
    case 'phone_number':
      return v.phone_number ?? '';
    case 'files':
      return v.files.map((f) => f.name).join(', ');
    case 'unique_id':
      return v.unique_id.number === null ? '' : `${v.unique_id.prefix ? `${v.unique_id.prefix}-` : ''}${v.unique_id.number}`;
    case 'created_time':
      return v.created_time;
    case 'last_edited_time':
      return v.last_edited_time;
    case 'created_by':
      return user(v.created_by.id);
    case 'last_edited_by':
      return user(v.last_edited_by.id);
    case 'rollup':
      return v.rollup.type === 'number' && v.rollup.number !== null ? String(v.rollup.number) : '';
    default:
      return '';
  }
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#37352f;background:#fff}
header{padding:16px 32px;border-bottom:1px solid #e9e9e7}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#787774}
main{padding:8px 32px 48px}section.database{margin:24px 0 40px}h2{font-size:18px;margin:0 0 12px}
table.table{border-collapse:collapse;width:100%;margin-bottom:16px}
.table th,.table td{border:1px solid #e9e9e7;padding:6px 8px;text-align:left;vertical-align:top;max-width:320px;overflow-wrap:anywhere}
.table th{background:#f7f6f3;font-weight:600;color:#787774}
.board{display:flex;gap:12px;align-items:flex-start;overflow-x:auto}
.column{flex:0 0 220px;background:#f7f6f3;border-radius:6px;padding:8px}
.column h3{font-size:13px;margin:0 0 8px}.column .count{color:#9b9a97;font-weight:400}
.column ul{list-style:none;margin:0;padding:0}.card{background:#fff;border-radius:4px;box-shadow:0 1px 2px rgba(15,15,15,.15);padding:8px;margin-bottom:6px;overflow-wrap:anywhere}
.color-blue h3{color:#0b6e99}.color-green h3{color:#0f7b6c}.color-red h3{color:#e03e3e}.color-yellow h3{color:#b58a00}.color-orange h3{color:#d9730d}.color-purple h3{color:#6940a5}.color-pink h3{color:#ad1a72}.color-gray h3,.color-brown h3{color:#64473a}
.empty{color:#9b9a97}
`;
