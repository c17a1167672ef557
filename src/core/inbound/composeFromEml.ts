import { randomInt } from 'node:crypto';
import { type SpamStatus } from '../events/message';
import { type EndpointOptions, hashPayload, type MessageRow, rawPayload } from './composePayload';
import { type InboundEncoding, type InboundFormat } from './inboundFormat';
import { mailView } from './mime/mailView';
import { parseMime } from './mime/mimeTree';
import { receivedSize, smtpData, storedMessage, withReceivedHeader } from './storedMessage';

/** How to turn an e-mail file into the request Postal would make for it. */
export interface EmlOptions extends Partial<EndpointOptions> {
  format: InboundFormat;
  encoding: InboundEncoding;
  /**
   * The file is the message as Postal stored it (its `Received` and `X-Postal-Spam*` headers
   * present), not as the sender sent it: nothing is added, and `size` leaves the spam headers out.
   */
  asStored?: boolean;
  id?: number;
  token?: string;
  timestamp?: number;
  rcptTo?: string;
  mailFrom?: string;
  size?: number;
  spamStatus?: SpamStatus;
  receivedWithSsl?: true | null;
  bounce?: boolean;
  /** Postal's `smtp_hostname`, in the `Received` header it adds. */
  postalHost?: string;
}

export interface EmlPayload {
  /** The payload object, keys in Postal's order. */
  payload: Record<string, unknown>;
  /** The message as Postal stored it (what a RawMessage carries). */
  stored: Buffer;
  row: MessageRow;
}

/** The test network address (RFC 5737) the made-up `Received` header names as the sender's. */
const SENDER_IP = '192.0.2.1';

/**
 * The payload Postal would send an endpoint for the e-mail in `eml`: the message stored the way
 * Postal's SMTP server and queue store it (unless `asStored`), its database row filled from the
 * options (envelope addresses default to the From and first To address), then the Hash or the
 * RawMessage built from it. Rejects when the message cannot be parsed.
 */
export async function composeFromEml(eml: Buffer, options: EmlOptions): Promise<EmlPayload> {
  const timestamp = options.timestamp ?? Date.now() / 1000;
  const parsedSent = await parseMime(eml);
  const mailFrom = options.mailFrom ?? firstAddress(parsedSent.email.from === undefined ? [] : [parsedSent.email.from]) ?? '';
  const rcptTo = options.rcptTo ?? firstAddress(parsedSent.email.to ?? []) ?? '';
  let stored: Buffer;
  let size: number;
  if (options.asStored === true) {
    stored = eml;
    size = options.size ?? receivedSize(eml);
  } else {
    const helo = mailFrom.split('@')[1] || 'localhost';
    const received = withReceivedHeader(smtpData(eml), { helo, reverseDns: helo, ip: SENDER_IP, host: options.postalHost ?? 'mx.postal.example.com', time: timestamp });
    size = options.size ?? received.length;
    stored = storedMessage(received);
  }
  const row: MessageRow = {
    id: options.id ?? 1,
    token: options.token ?? randomToken(),
    timestamp,
    rcptTo,
    mailFrom,
    size,
    spamStatus: options.spamStatus ?? 'NotSpam',
    bounce: options.bounce ?? false,
    receivedWithSsl: options.receivedWithSsl === undefined ? true : options.receivedWithSsl,
  };
  if (options.format === 'raw') return { payload: rawPayload(stored, row), stored, row };
  const mail = mailView(options.asStored === true ? parsedSent : await parseMime(stored));
  const endpoint: EndpointOptions = { stripReplies: options.stripReplies ?? false, includeAttachments: options.includeAttachments ?? true };
  return { payload: hashPayload(mail, row, endpoint, options.encoding), stored, row };
}

function firstAddress(addresses: readonly { address?: string; group?: readonly { address: string }[] }[]): string | undefined {
  for (const entry of addresses) {
    const address = entry.address ?? entry.group?.[0]?.address;
    if (address !== undefined && address !== '') return address;
  }
  return undefined;
}

const TOKEN_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A token like Postal 3's: 16 random letters and digits (`SecureRandom.alphanumeric(16)`). */
export function randomToken(): string {
  return Array.from({ length: 16 }, () => TOKEN_CHARACTERS[randomInt(TOKEN_CHARACTERS.length)]).join('');
}
