/**
 * The message as Postal stores it, built from what a sender sent (an `.eml` file), step by step
 * as Postal's SMTP server and queue do it:
 * 1. every line ends in CRLF (the SMTP server reads lines and writes each with `\r\n`);
 * 2. a `Received:` header goes first (`smtp_server/client.rb`, `received_header.rb`);
 * 3. `size` is the byte count of that (`message.rb#save_raw_message`);
 * 4. the stored text is split at the first blank line and joined again with `\r\n\r\n`;
 * 5. inspection puts the `X-Postal-Spam*` headers in front (`incoming_message_processor.rb`).
 */

/** Who Postal says it received the message from, and when (`Received: from HELO (RDNS [IP]) by HOST with SMTP; DATE`). */
export interface ReceivedLine {
  helo: string;
  reverseDns: string;
  ip: string;
  /** Postal's `smtp_hostname`. */
  host: string;
  /** When, as Unix seconds. */
  time: number;
}

/** The spam check's headers; Postal's defaults without a spam engine are "no", 5.0, 0, "no". */
export interface SpamHeaders {
  spam: boolean;
  threshold: string;
  score: string;
  threat: boolean;
}

export const DEFAULT_SPAM_HEADERS: SpamHeaders = { spam: false, threshold: '5.0', score: '0', threat: false };

/** Step 1: the lines of `sent` as the SMTP server writes them, each ending in CRLF. */
export function smtpData(sent: Buffer): Buffer {
  let text = sent.toString('latin1');
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return Buffer.from(`${text.split(/\r?\n/).join('\r\n')}\r\n`, 'latin1');
}

/** Ruby's `Time#rfc2822` of a UTC time: `Tue, 30 Apr 2024 09:15:02 -0000`. */
export function rfc2822Utc(seconds: number): string {
  const date = new Date(Math.floor(seconds) * 1000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (value: number): string => String(value).padStart(2, '0');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${days[date.getUTCDay()]}, ${two(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${time} -0000`;
}

/** Steps 2–3: the received message with Postal's `Received` header; its length is `size`. */
export function withReceivedHeader(data: Buffer, received: ReceivedLine): Buffer {
  const line = `Received: from ${received.helo} (${received.reverseDns} [${received.ip}]) by ${received.host} with SMTP; ${rfc2822Utc(received.time)}\r\n`;
  return Buffer.concat([Buffer.from(line, 'latin1'), data]);
}

/** Steps 4–5: the stored message, spam headers first. */
export function storedMessage(received: Buffer, spam: SpamHeaders = DEFAULT_SPAM_HEADERS): Buffer {
  const text = received.toString('latin1');
  const blank = /\r?\n\r?\n/.exec(text);
  const headers = blank === null ? text : text.slice(0, blank.index);
  const body = blank === null ? '' : text.slice(blank.index + blank[0].length);
  const added = [`X-Postal-Spam: ${spam.spam ? 'yes' : 'no'}`, `X-Postal-Spam-Threshold: ${spam.threshold}`, `X-Postal-Spam-Score: ${spam.score}`, `X-Postal-Threat: ${spam.threat ? 'yes' : 'no'}`];
  return Buffer.from(`${added.join('\r\n')}\r\n${headers}\r\n\r\n${body}`, 'latin1');
}

const ADDED_HEADER = /^X-Postal-(?:Spam|Spam-Threshold|Spam-Score|Threat):[^\r\n]*\r?\n/i;

/**
 * The `size` Postal recorded for a message it stored: its bytes without the `X-Postal-Spam*`
 * headers inspection put in front (the `Received` header counts: it was added before).
 */
export function receivedSize(stored: Buffer): number {
  let text = stored.toString('latin1');
  for (let match = ADDED_HEADER.exec(text); match !== null; match = ADDED_HEADER.exec(text)) text = text.slice(match[0].length);
  return Buffer.byteLength(text, 'latin1');
}
