import { read, write } from 'node:fs';
import { type FileOps } from './fileOps';

/** Where a line is in the history file. */
export interface Loc {
  offset: number;
  length: number;
}

const CHUNK = 1024 * 1024;

/** Consecutive locations merged into ranges, so a compaction copies with few large reads. */
export function coalesce(locs: readonly Loc[]): { start: number; end: number; locs: Loc[] }[] {
  const ranges: { start: number; end: number; locs: Loc[] }[] = [];
  for (const loc of locs) {
    const last = ranges.at(-1);
    if (last !== undefined && last.end === loc.offset) {
      last.end += loc.length;
      last.locs.push(loc);
    } else ranges.push({ start: loc.offset, end: loc.offset + loc.length, locs: [loc] });
  }
  return ranges;
}

/** Copies the lines at `locs` (in file order) to the end of `to`; `moved` maps each old offset to its new one. */
export async function copyLines(from: number, to: number, locs: readonly Loc[], abandoned: () => boolean): Promise<{ moved: Map<number, number>; written: number }> {
  const moved = new Map<number, number>();
  let written = 0;
  for (const range of coalesce(locs)) {
    await copyRange(from, to, range.start, range.end, abandoned);
    for (const loc of range.locs) moved.set(loc.offset, written + loc.offset - range.start);
    written += range.end - range.start;
  }
  return { moved, written };
}

/** Copies bytes `[start, end)` of `from` to the end of `to` on the thread pool, a chunk at a time; `abandoned` stops it between chunks. */
export async function copyRange(from: number, to: number, start: number, end: number, abandoned: () => boolean): Promise<void> {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, end - start)));
  for (let position = start; position < end; ) {
    if (abandoned()) throw new Error('abandoned: the history is closing');
    const length = Math.min(buffer.length, end - position);
    const got = await new Promise<number>((resolve, reject) => read(from, buffer, 0, length, position, (error, bytes) => (error === null ? resolve(bytes) : reject(error))));
    if (got === 0) throw new Error(`the history file ended at ${position} bytes, before ${end}`);
    await writeAll(to, buffer.subarray(0, got));
    position += got;
  }
}

/** The same, synchronously: for the last few lines, copied while nothing else may run. */
export function copyRangeSync(ops: FileOps, from: number, to: number, start: number, end: number): void {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, end - start)));
  for (let position = start; position < end; ) {
    const got = ops.read(from, buffer, 0, Math.min(buffer.length, end - position), position);
    if (got === 0) throw new Error(`the history file ended at ${position} bytes, before ${end}`);
    let written = 0;
    while (written < got) written += ops.write(to, buffer, written, got - written);
    position += got;
  }
}

/** Reads `loc` whole, synchronously. */
export function readLoc(ops: FileOps, fd: number, loc: Loc): Buffer {
  const buffer = Buffer.allocUnsafe(loc.length);
  let done = 0;
  while (done < loc.length) {
    const got = ops.read(fd, buffer, done, loc.length - done, loc.offset + done);
    if (got === 0) throw new Error(`the history file is shorter than expected (${loc.offset + done} bytes)`);
    done += got;
  }
  return buffer;
}

async function writeAll(fd: number, buffer: Buffer): Promise<void> {
  for (let done = 0; done < buffer.length; ) {
    done += await new Promise<number>((resolve, reject) => write(fd, buffer, done, buffer.length - done, null, (error, bytes) => (error === null ? resolve(bytes) : reject(error))));
  }
}
