import { constants, fdatasync, fchmodSync, fstatSync, openSync, closeSync, rmSync } from 'node:fs';
import { copyLines, copyRange, type Loc } from './copyRanges';

/** The file being compacted, as the copy needs it. `size()` grows while appends go on. */
export interface CompactionSource {
  path: string;
  fd: number;
  size(): number;
  /** True once the copy should stop (the history is closing). */
  abandoned(): boolean;
}

/** A new file with the live lines and most of what was appended meanwhile, not yet in place. */
export interface CompactionCopy {
  temp: string;
  /** Open for appending; the caller copies the last lines into it and renames it over the file. */
  target: number;
  /** Where each copied live line is now, by its old offset. */
  moved: Map<number, number>;
  /** Bytes of live lines copied: appended lines start there. */
  written: number;
  /** How far the old file was copied; from here to its end is left to the caller. */
  copied: number;
  /** Closes and removes the new file when it is not used. */
  discard(): void;
}

/**
 * The slow part of a compaction, on the thread pool while appends go on: the live lines (with
 * the old file's permissions, owner-only unless the user chose otherwise), then what was
 * appended since `snapshotEnd` while that is a lot, then flushed to the disk, so that a power cut
 * after the rename cannot leave an empty file.
 */
export async function copyLiveLines(source: CompactionSource, live: readonly Loc[], snapshotEnd: number): Promise<CompactionCopy> {
  const temp = `${source.path}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  const target = openSync(temp, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND, 0o600);
  const discard = (): void => {
    closeSync(target);
    rmSync(temp, { force: true });
  };
  try {
    fchmodSync(target, fstatSync(source.fd).mode & 0o777);
    const { moved, written } = await copyLines(source.fd, target, live, source.abandoned);
    let copied = snapshotEnd;
    while (source.size() - copied > 1024 * 1024) {
      const end = source.size();
      await copyRange(source.fd, target, copied, end, source.abandoned);
      copied = end;
    }
    await new Promise<void>((resolve, reject) => fdatasync(target, (error) => (error === null ? resolve() : reject(error))));
    return { temp, target, moved, written, copied, discard };
  } catch (error) {
    discard();
    throw error;
  }
}
