/**
 * Gathers bursts of changes into one refresh at most every `delayMs`: the first change starts
 * the timer, later ones ride along, `flush` refreshes at once. Used by the Events view and its
 * benchmark, so the benchmark measures the view's real behaviour.
 */
export class RefreshScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly refresh: () => void,
  ) {}

  get pending(): boolean {
    return this.timer !== undefined;
  }

  schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.refresh();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
