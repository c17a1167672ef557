import { type IncomingMessage } from 'node:http';
import { headerMap, type RecordHeaders } from '../store';

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

/** The headers as received (pairs, original case) and as a lower-cased map. */
export function collectHeaders(rawHeaders: readonly string[]): RecordHeaders {
  const raw: [string, string][] = [];
  for (let index = 0; index < rawHeaders.length; index += 2) raw.push([rawHeaders[index], rawHeaders[index + 1]]);
  return { raw, map: headerMap(raw) };
}
