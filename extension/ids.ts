/**
 * Every id okra contributes to VS Code, in one typed list. `test/extension-unit/ids.test.ts`
 * checks it against package.json's `contributes`, so a renamed command cannot drift.
 */

/** Publisher and name from package.json: the extension's id is `okra.okra`. */
export const EXTENSION_ID = 'okra.okra';

export const COMMANDS = {
  /** "okra: Validate Workspace": a full re-check with a summary message. */
  validateWorkspace: 'okra.validateWorkspace',
  /** "okra: Sync to Notion": plan, confirm, apply with progress. */
  syncToNotion: 'okra.syncToNotion',
  /** "okra: Pull Check-ins from Notion": check-ins edited in Notion into the YAML, then a push. */
  pullFromNotion: 'okra.pullFromNotion',
  /** "okra: Set Notion Token": into SecretStorage, never settings. */
  setNotionToken: 'okra.setNotionToken',
  renderOneOnOne: 'okra.renderOneOnOne',
  renderReviewDocuments: 'okra.renderReviewDocuments',
  renderRetrospective: 'okra.renderRetrospective',
  /** Markdown preview beside the editor of the active rendered document. */
  previewDocument: 'okra.previewDocument',
  newOkrFile: 'okra.newOkrFile',
  openSandboxBoard: 'okra.openSandboxBoard',
  /** The OKRs view's refresh button. */
  refreshOkrTree: 'okra.refreshOkrTree',
} as const;

/** The activity-bar container that holds okra's views. */
export const VIEW_CONTAINER_ID = 'okra';

export const VIEWS = {
  /** The "OKRs" tree: cycle → owner → objective → key result. */
  okrTree: 'okra.okrTree',
} as const;

export const CONTEXT_KEYS = {
  /**
   * The active editor shows an okra file: YAML that okra.config.yaml's include globs take in (or
   * the config itself). Set by the controller; the editor context menu's render commands need it.
   */
  isOkraFile: 'okra.isOkraFile',
} as const;

/** SecretStorage key of the Notion integration token. */
export const NOTION_TOKEN_SECRET = 'okra.notionToken';

/** The walkthrough, as `workbench.action.openWalkthrough` takes it (extension id # walkthrough id). */
export const WALKTHROUGH_ID = 'okra.okra#gettingStarted';

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
export type ContextKey = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];
export type SettingId = (typeof SETTINGS)[keyof typeof SETTINGS];
