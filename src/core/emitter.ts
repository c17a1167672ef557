/** Something to call when a subscription or resource is no longer needed (VS Code's shape). */
export interface Disposable {
  dispose(): void;
}

/** Subscribes `listener`; the returned Disposable unsubscribes it. */
export type Event<T> = (listener: (value: T) => void) => Disposable;

/**
 * A tiny typed event source with VS Code's `Event` shape, so core objects can be wired
 * straight into views without importing `vscode`. A throwing listener cannot break the
 * emitter or the other listeners: its error goes to `onListenerError`.
 */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** Lets a hot path skip building an event nobody listens to. */
  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  fire(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
