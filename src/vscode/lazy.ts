import type * as vscode from 'vscode';

/** A part built on first use, e.g. from a dynamic `import()`, and disposed with the extension if it was built. */
export interface Lazy<T> extends vscode.Disposable {
  get(): Promise<T>;
  /** The part if it was built already; never builds it. */
  peek(): T | undefined;
}

/**
 * Keeps code the extension does not need at start-up (webview pages, their HTML) out of
 * activation: `build` runs the first time the part is asked for, once, even when two callers
 * ask at the same time. A build that fails is tried again next time.
 */
export function lazy<T extends vscode.Disposable>(build: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | undefined;
  let built: T | undefined;
  let disposed = false;
  return {
    get() {
      pending ??= build().then(
        (value) => {
          if (disposed) value.dispose();
          else built = value;
          return value;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    peek: () => built,
    dispose() {
      disposed = true;
      built?.dispose();
      built = undefined;
    },
  };
}
