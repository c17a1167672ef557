import { readdirSync } from 'node:fs';
import { fixturePath, readFixture } from '../helpers/fixtures';

/** The request Postal 3.3.6's sender code made (Hash, JSON), split into its parts. */
export function sampleRequest(): { bytes: Buffer; head: string; body: Buffer; headers: Record<string, string> } {
  const bytes = readFixture('postal-samples', 'inbound', 'hash-json.request.http');
  const split = bytes.indexOf('\r\n\r\n');
  const head = bytes.subarray(0, split).toString('latin1');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { bytes, head, body: bytes.subarray(split + 4), headers };
}

/** The `Host` that request names: where Postal sent it. */
export const SAMPLE_HOST = '127.0.0.1:35741';

/** The message that request describes, as Postal stored it. */
export function sampleStoredMessage(): Buffer {
  return readFixture('postal-samples', 'inbound', 'raw-message.eml');
}

export function samplePublicKeyPem(): string {
  return readFixture('postal-samples', 'inbound', 'signing-public-key.pem').toString('utf8');
}

/** The envelope and database row of that request. */
export const SAMPLE_ROW = { id: 4711, token: 'q3VwXy7RtN2bKd8L', timestamp: 1714468502.482913, rcptTo: 'support@example.com', mailFrom: 'john@example.net', size: 1282 } as const;

/** E-mails as senders send them (`test/fixtures/inbound/*.eml`), by file name. */
export function sentEmails(): { name: string; bytes: Buffer }[] {
  return readdirSync(fixturePath('inbound')).filter((name) => name.endsWith('.eml')).sort().map((name) => ({ name, bytes: readFixture('inbound', name) }));
}
