/**
 * What okra's cross-file rules over ids, references and alignment declare: they read every
 * file of these kinds in full, and Objectives files through the workspace outline (see
 * `WorkspaceOutline`), so that `okra validate` need not hold every Objectives file at once.
 */
export const OUTLINE_RULE = {
  outline: true,
  kinds: ['Org', 'KpiTargets', 'TierStructure', 'ReviewCycles'],
} as const;
