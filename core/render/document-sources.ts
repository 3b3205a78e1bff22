import type { HelperDelegate } from 'handlebars';

/**
 * Templates, partials and helpers from one source: okra's built-ins, a plugin, or a workspace's
 * `templates_dir`. In `templates`, a name starting with `partials/` or `_` is a partial (the
 * convention of `definePlugin`), registered under the rest of the name: `partials/kr-table`
 * is used as `{{> kr-table}}`.
 */
export interface DocumentSources {
  templates?: Readonly<Record<string, string>>;
  partials?: Readonly<Record<string, string>>;
  helpers?: Readonly<Record<string, HelperDelegate>>;
}

/** The same, split: documents and partials by their registered names. */
export interface MergedSources {
  templates: Record<string, string>;
  partials: Record<string, string>;
  helpers: Record<string, HelperDelegate>;
}

const PARTIAL_PREFIX = /^(?:partials\/|_)/;

/** Whether a `templates` key names a partial, and its name as a partial. */
export function partialName(key: string): string | undefined {
  return PARTIAL_PREFIX.test(key) ? key.replace(PARTIAL_PREFIX, '') : undefined;
}

/**
 * Merges sources in order: a later source replaces an earlier one's template, partial or
 * helper of the same name (plugins after the built-ins, the workspace's overrides last).
 */
export function mergeDocumentSources(sources: ReadonlyArray<DocumentSources | undefined>): MergedSources {
  const merged: MergedSources = { templates: {}, partials: {}, helpers: {} };
  for (const source of sources) {
    if (!source) continue;
    for (const [key, text] of Object.entries(source.templates ?? {})) {
      if (typeof text !== 'string') continue;
      const partial = partialName(key);
      if (partial !== undefined) merged.partials[partial] = text;
      else merged.templates[key] = text;
    }
    for (const [key, text] of Object.entries(source.partials ?? {})) {
      if (typeof text === 'string') merged.partials[partialName(key) ?? key] = text;
    }
    for (const [key, helper] of Object.entries(source.helpers ?? {})) {
      if (typeof helper === 'function') merged.helpers[key] = helper;
    }
  }
  return merged;
}
