import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { type SignatureResult, type VerificationKeys, verifySignature } from '../signature';
import { type WebhookStore } from './historyStore';
import { type RecordBasics } from './record';

/** Records checked between two turns of the event loop, so a long run never blocks the host. */
const BATCH = 20;

export interface RecheckProgress {
  done: number;
  total: number;
  /** Records whose verdict changed so far. */
  changed: number;
}

export interface RecheckResult extends RecheckProgress {
  /** True when `signal` stopped the run before the end. */
  cancelled: boolean;
}

/**
 * Whether a stored verdict may differ under `keys`: every verdict names the key it was reached
 * with (`kid.key`, see `verifySignature`), so this needs no body. A request checked with a key
 * that is no longer configured, or not checked at all while a key is now there, is stale;
 * unsigned requests and bodies not kept never are.
 */
export function needsRecheck(record: RecordBasics, keys: VerificationKeys): boolean {
  const { status, kid } = record.signature;
  if (status === 'missing' || record.kind === 'too-large' || record.body.truncated) return false;
  const postal = keys.postal?.keys.map((entry) => entry.kid) ?? [];
  const development = keys.development !== undefined && !postal.includes(keys.development.kid) ? keys.development.kid : undefined;
  const key = kid?.key;
  switch (status) {
    case 'valid':
      return key === undefined || !postal.includes(key);
    case 'dev-key':
      return key === undefined || key !== development;
    case 'invalid':
      return !(key !== undefined && (postal.includes(key) || (postal.length === 0 && key === development)));
    case 'no-key':
      return postal.length > 0 || (development !== undefined && key !== development);
  }
}

/** Whether two verdicts say the same, the key they were reached with included. */
export function sameVerdict(a: SignatureResult, b: SignatureResult): boolean {
  return a.status === b.status && a.failure === b.failure && a.algorithm === b.algorithm && a.kid?.key === b.kid?.key && a.kid?.matches === b.kid?.matches && a.reason === b.reason;
}

/**
 * Checks again, with `keys`, the signature of every stored request whose verdict may have
 * changed (newest first), reading each raw body back from the history, and stores the new
 * verdicts (so the history shows them after a restart too). `signal` stops it between two
 * records; what was done is kept.
 */
export async function recheckSignatures(
  store: WebhookStore,
  keys: VerificationKeys,
  options: { signal?: AbortSignal; onProgress?(progress: RecheckProgress): void } = {},
): Promise<RecheckResult> {
  const ids = store
    .list()
    .filter((entry) => needsRecheck(entry, keys))
    .map((entry) => entry.id);
  const progress: RecheckProgress = { done: 0, total: ids.length, changed: 0 };
  for (const id of ids) {
    if (options.signal?.aborted === true) return { ...progress, cancelled: true };
    const record = store.read(id);
    if (record !== undefined) {
      const signature = verifySignature(Buffer.from(record.body.data, record.body.encoding), record.headers.map, keys);
      if (!sameVerdict(signature, record.signature)) {
        await store.update(id, { signature });
        progress.changed += 1;
      }
    }
    progress.done += 1;
    options.onProgress?.({ ...progress });
    if (progress.done % BATCH === 0) await yieldToEvents();
  }
  return { ...progress, cancelled: false };
}
