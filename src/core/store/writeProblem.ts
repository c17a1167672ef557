/** Why the history could not be written or opened, in words that say what to do. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full: free some space';
    case 'EDQUOT':
      return 'the disk quota is used up: free some space';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: give your user write access to the file and its folder, or choose another file';
    case 'EROFS':
      return 'the file system is read-only: choose a file on a writable disk';
    case 'ENOENT':
    case 'ENOTDIR':
      return `the folder cannot be created or is not a folder (${detail}): choose another file`;
    case 'EISDIR':
      return 'the path is a folder: name a file inside it';
    case 'EIO':
      return 'the disk reported an input/output error: check the disk';
    default:
      return detail;
  }
}

/**
 * Why a record was not stored. `too-large`: its line would take more than a history of this
 * size lets one record take (the listener then keeps it as `too-large`, without its body).
 * `failed`: the file could not be written (`cause` is the system's error); nothing was kept.
 */
export class HistoryWriteError extends Error {
  constructor(
    readonly reason: 'too-large' | 'failed',
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'HistoryWriteError';
  }
}
