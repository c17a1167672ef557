import { type IncomingMessage } from 'node:http';
import { type RecordHeaders } from '../store';

export type BodyRead = { status: 'ok'; body: Buffer } | { status: 'too-large'; size: number } | { status: 'aborted' };

/**
 * Collects the raw body bytes, as they must be for signature checks, up to `maxBytes`. A body
 * announced or found to be larger resolves `too-large` at once (the rest is not read); a
 * client that goes away mid-body resolves `aborted`.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) return Promise.resolve({ status: 'too-large', size: declared });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.pause();
        resolve({ status: 'too-large', size });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve({ status: 'ok', body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) }));
    // After `end` or `too-large` these resolve nothing: a promise settles once.
    req.once('close', () => resolve({ status: 'aborted' }));
    req.once('error', () => resolve({ status: 'aborted' }));
  });
}

/** The headers as received (pairs, original case) and as a lower-cased map, built in one pass. */
export function collectHeaders(rawHeaders: readonly string[]): RecordHeaders {
  const raw: [string, string][] = [];
  const map: Record<string, string> = {};
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index];
    const value = rawHeaders[index + 1];
    raw.push([name, value]);
    const lower = name.toLowerCase();
    const previous = Object.hasOwn(map, lower) ? map[lower] : undefined;
    const joined = previous === undefined ? value : `${previous}, ${value}`;
    // A header named "__proto__" must stay a plain entry, not set the object's prototype.
    if (lower === '__proto__') Object.defineProperty(map, lower, { value: joined, enumerable: true, writable: true, configurable: true });
    else map[lower] = joined;
  }
  return { raw, map };
}
