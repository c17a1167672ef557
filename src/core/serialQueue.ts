/**
 * Runs asynchronous work one piece at a time, in the order it was asked for, so that e.g. a
 * restart never races a stop. A piece that fails rejects its own promise only.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
