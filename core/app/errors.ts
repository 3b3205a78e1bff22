/** Why a use case stopped before doing anything, as a code adapters can act on and a message they can show. */
export type AppErrorCode =
  /** The workspace has errors: nothing is pushed, since a file that fails to parse looks like deleted rows. */
  | 'workspace-errors'
  /** No Notion token where the host keeps it. */
  | 'no-token'
  /** No `notion.parent_page` (and none given). */
  | 'no-parent-page'
  /** `templates_dir` names no folder. */
  | 'templates-dir'
  /** A file changed between reading Notion and writing the pulled check-ins. */
  | 'pull-stale'
  /** The files have errors once the pulled check-ins are in. */
  | 'errors-after-pull'
  /** A render request names an unknown template or id, or a template fails. */
  | 'render-request';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Type guard for {@link AppError}, also across bundles (the extension loads the core from its own file). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && error.name === 'AppError' && typeof (error as Partial<AppError>).code === 'string';
}

/** "1 error", "3 errors". */
export function errorsText(count: number): string {
  return `${count} error${count === 1 ? '' : 's'}`;
}
