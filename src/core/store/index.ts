/**
 * The request history: `WebhookRecord` (one received request, see record.ts), kept within a
 * count and a byte limit, in memory (`createMemoryStore`) or in a JSONL file (`openFileStore`)
 * with one writer, versioned and validated lines, and only `HistoryEntry` summaries in memory.
 */
export { type BodyFacts, bodyFacts, NO_FACTS, recordFacts } from './bodyFacts';
export { entryOf, type HistoryEntry } from './entry';
export { type FileOps, NODE_FILE_OPS } from './fileOps';
export { type EnvelopeSighting } from './historyIndex';
export { describeHolder, type LockHolder } from './historyLock';
export { type StoreChange, type WebhookStore } from './historyStore';
export { DEFAULT_MAX_MB, DEFAULT_MAX_RECORDS, type HistoryLimits, MB } from './limits';
export { type LoadReport } from './loadHistory';
export { headerMap } from './storeLines';
export { createMemoryStore, openFileStore, type OpenStoreResult, type StoreOptions } from './openStore';
export * from './record';
export { createRecordId } from './recordId';
export { describeFileError, HistoryWriteError } from './writeProblem';
