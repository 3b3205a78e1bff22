import type { RichTextItemResponse } from '@notionhq/client';

/**
 * The sandbox's persisted state. Plain JSON so it can be written to a file and
 * read back; rich text is kept in response form, property values by property id.
 */

/** A user of the emulated workspace. */
export interface StoredUser {
  id: string;
  type: 'person' | 'bot';
  name: string;
  email?: string;
  avatar_url: string | null;
}

/** Property types a data source schema may hold. */
export type PropertyType =
  | 'title'
  | 'rich_text'
  | 'number'
  | 'select'
  | 'multi_select'
  | 'status'
  | 'date'
  | 'people'
  | 'files'
  | 'checkbox'
  | 'url'
  | 'email'
  | 'phone_number'
  | 'relation'
  | 'formula'
  | 'rollup'
  | 'unique_id'
  | 'created_time'
  | 'created_by'
  | 'last_edited_time'
  | 'last_edited_by'
  | 'place';

/** Colors of select, multi-select and status options. */
export type SelectColor = 'default' | 'gray' | 'brown' | 'orange' | 'yellow' | 'green' | 'blue' | 'purple' | 'pink' | 'red';

/** One option of a select, multi-select or status property. */
export interface StoredOption {
  id: string;
  name: string;
  color: SelectColor;
  description: string | null;
}

/** A status group (To-do, In progress, Complete). */
export interface StoredStatusGroup {
  id: string;
  name: string;
  color: SelectColor;
  option_ids: string[];
}

/** Type-specific configuration of a schema property. */
export type StoredPropertyConfig =
  | { type: 'number'; format: string }
  | { type: 'select' | 'multi_select'; options: StoredOption[] }
  | { type: 'status'; options: StoredOption[]; groups: StoredStatusGroup[] }
  | { type: 'relation'; data_source_id: string; database_id: string; relation_type: 'single_property' }
  | {
      type: 'relation';
      data_source_id: string;
      database_id: string;
      relation_type: 'dual_property';
      synced_property_id: string;
      synced_property_name: string;
    }
  | { type: 'formula'; expression: string }
  | {
      type: 'rollup';
      function: string;
      relation_property_id: string;
      relation_property_name: string;
      rollup_property_id: string;
      rollup_property_name: string;
    }
  | { type: 'unique_id'; prefix: string | null }
  | {
      type: Exclude<PropertyType, 'number' | 'select' | 'multi_select' | 'status' | 'relation' | 'formula' | 'rollup' | 'unique_id'>;
    };

/** A schema property of a data source. */
export interface StoredProperty {
  id: string;
  name: string;
  description: string | null;
  config: StoredPropertyConfig;
}

/** A date value in response form. */
export interface StoredDate {
  start: string;
  end: string | null;
  time_zone: string | null;
}

/** A file reference in a files property (external links only). */
export interface StoredFile {
  name: string;
  url: string;
}

/** A place value. */
export interface StoredPlace {
  lat: number;
  lon: number;
  name?: string | null;
  address?: string | null;
}

/** A page property value as stored; which member applies depends on the schema type. */
export type StoredValue =
  | RichTextItemResponse[] // title, rich_text
  | number // number, unique_id
  | string // option id (select/status), url, email, phone_number
  | string[] // multi_select option ids, people user ids, relation page ids
  | boolean // checkbox
  | StoredDate
  | StoredFile[]
  | StoredPlace
  | null;

/** Emoji or external-URL icons; file icons are not emulated. */
export type StoredIcon = { type: 'emoji'; emoji: string } | { type: 'external'; external: { url: string } };

/** External-URL covers. */
export type StoredCover = { type: 'external'; external: { url: string } };

/** Who and when, shared by pages, databases, data sources and blocks. */
export interface StoredStamps {
  created_time: number;
  last_edited_time: number;
  created_by: string;
  last_edited_by: string;
}

/** Where a page lives. */
export type StoredPageParent =
  | { type: 'page_id'; page_id: string }
  | { type: 'data_source_id'; data_source_id: string }
  | { type: 'block_id'; block_id: string }
  | { type: 'workspace' };

/** A page: a data source row or a free-standing page. */
export interface StoredPage extends StoredStamps {
  id: string;
  /** Creation order, used to break timestamp ties deterministically. */
  seq: number;
  parent: StoredPageParent;
  /** Values by property id; a free-standing page only has `title`. */
  properties: Record<string, StoredValue>;
  in_trash: boolean;
  is_locked: boolean;
  /** Shared with the integration directly (a root page of the integration). */
  shared: boolean;
  icon: StoredIcon | null;
  cover: StoredCover | null;
  child_ids: string[];
}

/** A database: a container of data sources. */
export interface StoredDatabase extends StoredStamps {
  id: string;
  parent: { type: 'page_id'; page_id: string } | { type: 'block_id'; block_id: string } | { type: 'workspace' };
  title: RichTextItemResponse[];
  description: RichTextItemResponse[];
  is_inline: boolean;
  in_trash: boolean;
  is_locked: boolean;
  icon: StoredIcon | null;
  cover: StoredCover | null;
  data_source_ids: string[];
}

/** A data source: a schema and its rows. */
export interface StoredDataSource extends StoredStamps {
  id: string;
  database_id: string;
  title: RichTextItemResponse[];
  description: RichTextItemResponse[];
  in_trash: boolean;
  icon: StoredIcon | null;
  properties: StoredProperty[];
  next_unique_id: number;
}

/** A content block. Child pages and databases appear as blocks whose id is the page's or database's id. */
export interface StoredBlock extends StoredStamps {
  id: string;
  parent: { type: 'page_id'; page_id: string } | { type: 'block_id'; block_id: string };
  type: string;
  /** The `<type>` object in response form, without `children`. */
  content: Record<string, unknown>;
  in_trash: boolean;
  child_ids: string[];
}

/** Everything the sandbox knows. */
export interface SandboxState {
  version: 1;
  workspace: { id: string; name: string };
  bot_id: string;
  users: StoredUser[];
  pages: Record<string, StoredPage>;
  databases: Record<string, StoredDatabase>;
  data_sources: Record<string, StoredDataSource>;
  blocks: Record<string, StoredBlock>;
  next_seq: number;
}
