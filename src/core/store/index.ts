/**
 * The request history: `WebhookRecord` (one received request, see record.ts), a bounded store
 * in memory (`createMemoryStore`) or persisted as append-only JSONL (`openFileStore`).
 */
export { DEFAULT_MAX_RECORDS, type EnvelopeSighting, type StoreChange, type WebhookStore } from './historyStore';
export { headerMap, type StoreLine } from './storeLines';
export { createMemoryStore, type LoadReport, openFileStore, type OpenStoreResult, type StoreOptions } from './openStore';
export * from './record';
export { createRecordId } from './recordId';
