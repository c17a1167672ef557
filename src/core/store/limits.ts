/** How many records a history keeps unless told otherwise. */
export const DEFAULT_MAX_RECORDS = 1000;
/** How many megabytes of record lines a history keeps unless told otherwise. */
export const DEFAULT_MAX_MB = 100;
export const MB = 1024 * 1024;

/** What a history may hold: the newest records within both limits are kept. */
export interface HistoryLimits {
  maxRecords: number;
  /** Bytes of the live records' lines (headers and bodies included). */
  maxBytes: number;
}

/**
 * How the byte limit bounds the file. Evicting the oldest keeps the live lines within
 * `maxBytes`; one line may take at most a quarter of it (a bigger request is kept as
 * `too-large`, without its body). The file is compacted once it passes `maxBytes` plus one such
 * line, and an append that would take it past `maxBytes` plus two (1.5 × the limit) waits for
 * the compaction: a compacted file holds at most the live lines plus what arrived meanwhile.
 */
export function fileBounds(limits: HistoryLimits): { maxLineBytes: number; compactAbove: number; neverAbove: number } {
  const maxLineBytes = Math.floor(limits.maxBytes / 4);
  return { maxLineBytes, compactAbove: limits.maxBytes + maxLineBytes, neverAbove: limits.maxBytes + 2 * maxLineBytes };
}

/** The limits with defaults filled in; throws on values no caller should pass (a programmer error). */
export function resolveLimits(options: { maxRecords?: number; maxBytes?: number }): HistoryLimits {
  const maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MB * MB;
  if (!Number.isInteger(maxRecords) || maxRecords < 1) throw new RangeError(`maxRecords must be a positive integer, not ${maxRecords}`);
  if (!Number.isInteger(maxBytes) || maxBytes < 4096) throw new RangeError(`maxBytes must be an integer of at least 4096, not ${maxBytes}`);
  return { maxRecords, maxBytes };
}
