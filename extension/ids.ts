/**
 * Every id okra contributes to VS Code, in one typed list. `test/extension-unit/ids.test.ts`
 * checks it against package.json's `contributes`, so a renamed command cannot drift.
 */

/** Publisher and name from package.json: the extension's id is `okra.okra`. */
export const EXTENSION_ID = 'okra.okra';

export const COMMANDS = {
  /** "okra: Validate Workspace": a full re-check with a summary message. */
  validateWorkspace: 'okra.validateWorkspace',
} as const;

/** Views come with the OKR tree (a later step); the list is here so that ids have one home. */
export const VIEWS: Readonly<Record<string, `okra.${string}`>> = {};

export const SETTINGS = {
  notionParentPage: 'okra.notion.parentPage',
  syncUseSandbox: 'okra.sync.useSandbox',
  renderOutputFolder: 'okra.render.outputFolder',
  validationDebounceMs: 'okra.validation.debounceMs',
  logLevel: 'okra.log.level',
} as const;

/** The output channel and the diagnostic collection are both called "okra". */
export const OUTPUT_CHANNEL = 'okra';
export const DIAGNOSTIC_COLLECTION = 'okra';
/** `Diagnostic.source`, so the Problems panel shows "okra(rule)". */
export const DIAGNOSTIC_SOURCE = 'okra';

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
export type SettingId = (typeof SETTINGS)[keyof typeof SETTINGS];
