import { plainText } from './rich-text';
import type { Store } from './store';
import type { StoredDataSource, StoredPage, StoredValue } from './types';

/**
 * Finishes the relations of a stored schema: self-relations learn their database
 * id, every new dual relation gets its reverse property on the related data
 * source, and existing pairs keep their synced names current after renames.
 */
export function linkRelations(store: Store, ds: StoredDataSource): void {
  for (const prop of ds.properties) {
    const config = prop.config;
    if (config.type !== 'relation') continue;
    if (config.data_source_id === ds.id) config.database_id = ds.database_id;
    if (config.relation_type !== 'dual_property') continue;
    const target = store.state.data_sources[config.data_source_id];
    if (!target) continue;
    if (config.synced_property_id === '') {
      const base = config.synced_property_name || `Related to ${plainText(ds.title) || 'Untitled'} (${prop.name})`;
      let name = base;
      for (let n = 2; target.properties.some((p) => p.name === name); n++) name = `${base} ${n}`;
      const id = store.ids.propertyId(new Set(target.properties.map((p) => p.id)));
      target.properties.push({
        id,
        name,
        description: null,
        config: {
          type: 'relation',
          data_source_id: ds.id,
          database_id: ds.database_id,
          relation_type: 'dual_property',
          synced_property_id: prop.id,
          synced_property_name: prop.name,
        },
      });
      config.synced_property_id = id;
      config.synced_property_name = name;
    } else {
      const twin = target.properties.find((p) => p.id === config.synced_property_id);
      if (twin?.config.type === 'relation' && twin.config.relation_type === 'dual_property') twin.config.synced_property_name = prop.name;
    }
  }
}

/** Mirrors a row's dual-relation changes onto the related rows. */
export function syncDualValues(store: Store, page: StoredPage, ds: StoredDataSource, before: Record<string, StoredValue>): void {
  for (const prop of ds.properties) {
    const config = prop.config;
    if (config.type !== 'relation' || config.relation_type !== 'dual_property') continue;
    const oldIds = asIds(before[prop.id]);
    const newIds = asIds(page.properties[prop.id]);
    for (const id of newIds)
      if (!oldIds.includes(id)) editTwin(store, id, config.synced_property_id, (ids) => (ids.includes(page.id) ? ids : [...ids, page.id]));
    for (const id of oldIds)
      if (!newIds.includes(id)) editTwin(store, id, config.synced_property_id, (ids) => ids.filter((x) => x !== page.id));
  }
}

function editTwin(store: Store, pageId: string, propertyId: string, edit: (ids: string[]) => string[]): void {
  const target = store.state.pages[pageId];
  if (!target) return;
  target.properties[propertyId] = edit(asIds(target.properties[propertyId]));
  store.touch(target);
}

function asIds(value: StoredValue | undefined): string[] {
  return Array.isArray(value) ? (value as string[]) : [];
}
