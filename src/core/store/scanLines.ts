import { read } from 'node:fs';
import { type Loc } from './copyRanges';

const CHUNK = 4 * 1024 * 1024;

export interface ScannedLine {
  /**
   * The line's bytes without its newline, valid only during the call (copy them to keep them);
   * undefined when the line is longer than the limit (it was not kept).
   */
  bytes: Buffer | undefined;
  /** Where it is, newline included. */
  loc: Loc;
  /** Its line number in the part read, from 1. */
  number: number;
}

/**
 * Reads the lines of an open file from `start` to `end`, a chunk at a time on the thread pool,
 * and calls `onLine` for each whole one: the file is never held in memory as one piece, and a
 * line longer than `maxLineBytes` is reported without being kept. A line cut by `start` is
 * skipped. Returns where the bytes after the last newline are (a torn last line), if any.
 */
export async function scanLines(fd: number, start: number, end: number, maxLineBytes: number, onLine: (line: ScannedLine) => void): Promise<Loc | undefined> {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, end - start)));
  // From one byte early: if that byte ends a line, the line at `start` is whole.
  let position = Math.max(0, start - 1);
  let skipping = start > 0;
  let lineStart = position;
  let carried: Buffer[] = [];
  let carriedLength = 0;
  let number = 0;
  while (position < end) {
    const got = await readChunk(fd, buffer, Math.min(buffer.length, end - position), position);
    if (got === 0) break;
    let from = 0;
    for (let newline = buffer.indexOf(10, from); newline !== -1 && newline < got; newline = buffer.indexOf(10, from)) {
      const length = carriedLength + newline - from;
      if (skipping) skipping = false;
      else {
        number += 1;
        const bytes = length > maxLineBytes ? undefined : join(carried, buffer.subarray(from, newline), length);
        if (length > 0) onLine({ bytes, loc: { offset: lineStart, length: length + 1 }, number });
      }
      carried = [];
      carriedLength = 0;
      from = newline + 1;
      lineStart = position + from;
    }
    const restLength = got - from;
    // Only what may still be kept is copied; a line already too long is just counted.
    if (carriedLength + restLength <= maxLineBytes) carried.push(Buffer.from(buffer.subarray(from, got)));
    carriedLength += restLength;
    position += got;
  }
  return carriedLength > 0 && !skipping ? { offset: lineStart, length: carriedLength } : undefined;
}

function join(carried: Buffer[], last: Buffer, length: number): Buffer {
  if (carried.length === 0) return last;
  return Buffer.concat([...carried, last], length);
}

function readChunk(fd: number, buffer: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => read(fd, buffer, 0, length, position, (error, bytes) => (error === null ? resolve(bytes) : reject(error))));
}
