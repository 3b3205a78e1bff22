/** A problem with how okra was called or with its input as a whole: printed plainly, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
