/**
 * The ids of the language features, views and commands (extension/language, views, commands),
 * in the shape of ids.ts. To be merged into ids.ts's COMMANDS and VIEWS by the lead; until then
 * test/extension-unit/ids-features.test.ts checks these against package.json.
 */

export const FEATURE_COMMANDS = {
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

export const VIEW_CONTAINER_ID = 'okra';

export const VIEW_IDS = {
  /** The "OKRs" tree: cycle → owner → objective → key result. */
  okrTree: 'okra.okrTree',
} as const;

/** SecretStorage key of the Notion integration token. */
export const NOTION_TOKEN_SECRET = 'okra.notionToken';

/** The walkthrough, as `workbench.action.openWalkthrough` takes it (extension id # walkthrough id). */
export const WALKTHROUGH_ID = 'okra.okra#gettingStarted';

export type FeatureCommandId = (typeof FEATURE_COMMANDS)[keyof typeof FEATURE_COMMANDS];
