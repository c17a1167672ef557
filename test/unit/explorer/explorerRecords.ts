import { ExplorerModel } from '../../../src/core/explorer';
import { createMemoryStore, entryOf, type HistoryEntry, recordFacts, type WebhookRecord } from '../../../src/core/store';
import { readFixture } from '../helpers/fixtures';
import { makeRecord } from '../helpers/records';

export type Envelope = { event: string; timestamp: number; payload: Record<string, unknown>; uuid: string };

let uuidCounter = 0;

/** A reference sample (test/fixtures/postal-samples) with its own uuid, and the message token replaced when given. */
export function sample(name: string, token?: string): Envelope {
  const envelope = JSON.parse(readFixture('postal-samples', `${name}.json`).toString('utf8')) as Envelope;
  uuidCounter += 1;
  envelope.uuid = `00000000-0000-4000-8000-${String(uuidCounter).padStart(12, '0')}`;
  const message = (envelope.payload.message ?? envelope.payload.original_message) as Record<string, unknown> | undefined;
  if (token !== undefined && message !== undefined) message.token = token;
  return envelope;
}

/** The record the listener makes of a Postal request carrying `envelope` (signed and valid unless overridden). */
export function postalRecord(envelope: Envelope, overrides: Partial<WebhookRecord> = {}): WebhookRecord {
  const body = JSON.stringify(envelope);
  return makeRecord({
    body: { encoding: 'utf8', data: body, size: Buffer.byteLength(body), truncated: false },
    event: envelope.event,
    uuid: envelope.uuid,
    signature: { status: 'valid', algorithm: 'sha256', kid: { key: 'fb224b07'.padEnd(64, '0'), header: 'fb224b07'.padEnd(64, '0'), matches: true } },
    ...overrides,
  });
}

/** What the history keeps in memory of a record, as the store makes it. */
export function asEntry(record: WebhookRecord): HistoryEntry {
  return entryOf(record, recordFacts(record));
}

/** The history entry of {@link postalRecord}. */
export function postalEntry(envelope: Envelope, overrides: Partial<WebhookRecord> = {}): HistoryEntry {
  return asEntry(postalRecord(envelope, overrides));
}

/** A request whose body is not JSON. */
export function brokenRecord(): WebhookRecord {
  const body = '{"event": "MessageSent", "payload": ';
  return makeRecord({
    body: { encoding: 'utf8', data: body, size: body.length, truncated: false },
    parse: { status: 'invalid-json', message: 'Unexpected end of JSON input', position: 36 },
    kind: 'invalid-json',
    event: undefined,
    uuid: undefined,
    schema: undefined,
  });
}

/** A model fed through a real memory store, as the extension feeds it. */
export async function modelOf(records: WebhookRecord[]): Promise<ExplorerModel> {
  const store = createMemoryStore();
  const model = new ExplorerModel();
  model.reset(store.list());
  store.onDidChange((change) => model.apply(change));
  for (const record of records) await store.add(record);
  return model;
}
