import { countBySeverity, type Diagnostic } from '../diagnostics';
import type { WorkspaceModel } from '../model/workspace-model';
import type { DocumentSources } from '../render/document-sources';
import { validate } from '../engine/validate';
import type { AppContext } from './host';

/** A workspace as the use cases see it: validated, with its plugins' templates and its error count. */
export interface CheckedWorkspace {
  model: WorkspaceModel;
  plugins: readonly DocumentSources[];
  diagnostics: readonly Diagnostic[];
  errors: number;
}

/**
 * Reads and validates the workspace through the context's host. The one place the use cases
 * validate: whatever validation API the core settles on is swapped in here.
 */
export async function loadChecked(ctx: AppContext): Promise<CheckedWorkspace> {
  const result = await validate(ctx.host, { ...ctx.validate, keepModel: true });
  return {
    model: result.model,
    plugins: result.plugins,
    diagnostics: result.diagnostics,
    errors: countBySeverity(result.diagnostics).error,
  };
}
