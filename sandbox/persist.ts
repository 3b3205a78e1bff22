/**
 * Writes state through the caller's callback, one write at a time. Changes that
 * arrive while a write is running coalesce into one more write of the latest
 * state, so a burst of requests costs at most two writes and the last one wins.
 */
export class Persister {
  private dirty = false;
  private running: Promise<void> | null = null;
  /** Failures of the callback; persistence never fails an API request. */
  readonly errors: unknown[] = [];

  constructor(
    private readonly write: (json: string) => Promise<void>,
    private readonly snapshot: () => string,
  ) {}

  /** Notes a change; a write follows soon. */
  schedule(): void {
    this.dirty = true;
    if (!this.running) this.running = this.drain();
  }

  private async drain(): Promise<void> {
    // Let the current request finish mutating before the first snapshot.
    await Promise.resolve();
    while (this.dirty) {
      this.dirty = false;
      try {
        await this.write(this.snapshot());
      } catch (error) {
        this.errors.push(error);
      }
    }
    this.running = null;
  }

  /** Resolves once every scheduled change has been written. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }
}
