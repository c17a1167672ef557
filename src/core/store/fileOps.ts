import { closeSync, fdatasync, fstatSync, ftruncateSync, readSync, writeSync, writevSync } from 'node:fs';

/**
 * The file system calls the history writer makes on its open file, gathered so that tests can
 * make them fail the way disks do (ENOSPC after a partial write, EIO on a truncate) without a
 * full disk. Production code uses {@link NODE_FILE_OPS}.
 */
export interface FileOps {
  writev(fd: number, buffers: Buffer[]): number;
  write(fd: number, buffer: Buffer, offset: number, length: number): number;
  ftruncate(fd: number, length: number): void;
  read(fd: number, buffer: Buffer, offset: number, length: number, position: number): number;
  size(fd: number): number;
  /** Flushes the file's data to the device, in the background. */
  datasync(fd: number, done: (error: NodeJS.ErrnoException | null) => void): void;
  close(fd: number): void;
}

export const NODE_FILE_OPS: FileOps = {
  writev: (fd, buffers) => writevSync(fd, buffers),
  write: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
  ftruncate: (fd, length) => ftruncateSync(fd, length),
  read: (fd, buffer, offset, length, position) => readSync(fd, buffer, offset, length, position),
  size: (fd) => fstatSync(fd).size,
  datasync: (fd, done) => fdatasync(fd, done),
  close: (fd) => closeSync(fd),
};

/** Writes every byte of `buffers` (a short write is continued), or throws what the system said. */
export function writeFully(ops: FileOps, fd: number, buffers: Buffer[]): void {
  if (buffers.length === 0) return;
  const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  let written = ops.writev(fd, buffers);
  if (written >= total) return;
  const rest = Buffer.concat(buffers, total);
  while (written < total) written += ops.write(fd, rest, written, total - written);
}
