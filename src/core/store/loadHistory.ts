import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import { recordFacts } from './bodyFacts';
import { type Loc } from './copyRanges';
import { entryOf, forwardSummary } from './entry';
import { type HistoryIndex } from './historyIndex';
import { type HistoryLine, parseHistoryLine } from './lineSchema';
import { scanLines } from './scanLines';

/** What loading a history file found. */
export interface LoadReport {
  loaded: number;
  /** Lines that could not be used (not JSON, not a history line, from a newer version, cut short): left out. */
  invalid: number;
  /** The first of them: its line number in the part read, and why. */
  firstInvalid?: { lineNumber: number; reason: string };
  /** Where the invalid lines were kept, if any were. */
  backup?: string;
  /** How many of them were not kept: cut short by a crash, too long, or past the backup's size. */
  notKept: number;
  /** Set when the file was over its size bound and only its newest part was read. */
  partial?: { fileBytes: number; readBytes: number };
}

export interface LoadResult {
  report: LoadReport;
  /** Lines read, valid or not: the file's line count, for the next compaction. */
  lineCount: number;
  /** Where the last whole line ends: the file's size, unless its last line is cut short. */
  wholeLinesEnd: number;
  /** The file must be rewritten: it has lines to drop (other than a torn last one), or is over its bounds. */
  mustCompact: boolean;
}

interface Invalid {
  count: number;
  first?: { lineNumber: number; reason: string };
  kept: Buffer[];
  keptBytes: number;
}

/**
 * Loads the newest part of a history file into `index`: at most `readBytes` from its end (the
 * file's bound; a file far over it, crafted or left by an older version, loses its oldest
 * lines). Every line is checked (`parseHistoryLine`); one that fails is left out, counted, and
 * kept in `<file>.bak` (up to `backupBytes` of them), never trusted.
 */
export async function loadHistory(
  path: string,
  fd: number,
  size: number,
  limits: { readBytes: number; maxLineBytes: number; backupBytes: number },
  index: HistoryIndex,
): Promise<LoadResult> {
  const start = Math.max(0, size - limits.readBytes);
  const invalid: Invalid = { count: 0, kept: [], keptBytes: 0 };
  const reject = (bytes: Buffer | undefined, lineNumber: number, reason: string): void => {
    invalid.count += 1;
    invalid.first ??= { lineNumber, reason };
    if (bytes !== undefined && invalid.keptBytes + bytes.length < limits.backupBytes) {
      invalid.kept.push(Buffer.concat([bytes, Buffer.from('\n')]));
      invalid.keptBytes += bytes.length + 1;
    }
  };
  let lineCount = 0;
  const torn = await scanLines(fd, start, size, limits.maxLineBytes, ({ bytes, loc, number }) => {
    lineCount += 1;
    if (bytes === undefined) return reject(undefined, number, `longer than the ${limits.maxLineBytes} bytes a line may take`);
    const parsed = parseHistoryLine(bytes.toString('utf8'));
    if (parsed.ok) apply(index, parsed.line, loc);
    else reject(bytes, number, parsed.reason);
  });
  if (torn !== undefined) reject(undefined, lineCount + 1, 'cut short (the last line, written when the program stopped)');
  const report: LoadReport = { loaded: index.size, invalid: invalid.count, notKept: 0 };
  if (invalid.first !== undefined) report.firstInvalid = invalid.first;
  report.notKept = invalid.count - invalid.kept.length;
  if (invalid.kept.length > 0) report.backup = keepInvalidLines(path, invalid.kept, invalid.keptBytes, limits.backupBytes);
  if (start > 0) report.partial = { fileBytes: size, readBytes: size - start };
  // A line cut short at the end (the usual trace of a crash) is cut off before the next write; only other damage is worth a rewrite.
  const damaged = invalid.count - (torn === undefined ? 0 : 1);
  return { report, lineCount, wholeLinesEnd: torn?.offset ?? size, mustCompact: damaged > 0 || start > 0 };
}

function apply(index: HistoryIndex, line: HistoryLine, loc: Loc): void {
  if (line.type === 'record') {
    index.insert({ entry: entryOf(line.record, recordFacts(line.record)), bytes: loc.length, loc });
    return;
  }
  if (line.type === 'delete') {
    for (const id of line.ids) index.remove(id);
    return;
  }
  const slot = index.get(line.id);
  if (slot === undefined) return;
  const bytes = slot.bytes - (slot.updateLoc?.length ?? 0) + loc.length;
  slot.updateLoc = loc;
  if (line.update.forward !== undefined) slot.entry.forward = forwardSummary(line.update.forward);
  if (line.update.signature !== undefined) slot.entry.signature = line.update.signature;
  index.resize(slot, bytes);
}

/** Appends the lines to `<file>.bak` (owner-only), starting it afresh when it would pass `maxBytes`. */
function keepInvalidLines(path: string, lines: Buffer[], bytes: number, maxBytes: number): string {
  const backup = `${path}.bak`;
  let existing = 0;
  try {
    existing = statSync(backup).size;
  } catch {
    // No backup yet.
  }
  const content = Buffer.concat(lines, bytes);
  if (existing + bytes > maxBytes) writeFileSync(backup, content, { mode: 0o600 });
  else appendFileSync(backup, content, { mode: 0o600 });
  return backup;
}
