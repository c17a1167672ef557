import { type DeliveryPolicy } from '../delivery';
import { encodeInboundText } from '../inbound/encodeInbound';
import { inboundLabel, policyForPayload } from '../inbound/inboundPayload';
import { recogniseInbound } from '../inbound/inboundFormat';
import { encodeJsonText, type JsonTextError } from './jsonText';
import { numberKindsFor } from './numberKinds';

/** One envelope read from a file, encoded as Postal would send it. */
export interface Payload {
  /** `MessageSent 8a3f0c6e` (line 3) */
  label: string;
  body: Buffer;
  event?: string;
  uuid?: string;
  /** Set for an inbound e-mail payload (Hash or RawMessage): how Postal judges its answer. */
  policy?: DeliveryPolicy;
}

/** A problem with one part of the file; `offset` is into the whole text. */
export interface PayloadProblem extends JsonTextError {
  line?: number;
}

export interface PayloadFile {
  payloads: Payload[];
  problems: PayloadProblem[];
}

/** Files with one envelope per line. */
export function isJsonLines(fileName: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(fileName);
}

/**
 * The envelopes in a payload file, each encoded byte for byte as Postal would send it
 * (`encodeJsonText`: the user's number text kept, Rails escaping, Ruby floats where the event
 * model has floats): a `.json` file is one envelope, a `.jsonl` file one per non-blank line.
 * An inbound e-mail payload (Hash or RawMessage) goes out as Postal's JSON encoding of it.
 * Parts that are not JSON are reported with their offset and left out.
 */
export function readPayloadFile(text: string, fileName: string): PayloadFile {
  const parts = isJsonLines(fileName) ? jsonLines(text) : [{ text, offset: 0, line: undefined }];
  const result: PayloadFile = { payloads: [], problems: [] };
  for (const part of parts) {
    const encoded = encodeJsonText(part.text, numberKindsFor);
    if (!encoded.ok) {
      for (const error of encoded.errors) result.problems.push({ ...error, offset: error.offset + part.offset, line: part.line });
      continue;
    }
    const envelope = typeof encoded.value === 'object' && encoded.value !== null ? (encoded.value as Record<string, unknown>) : {};
    const inbound = recogniseInbound(envelope);
    if (inbound !== undefined) {
      // Postal's own number kinds for inbound bodies (a whole `timestamp` is a Ruby Float).
      const inboundText = encodeInboundText(part.text, 'json');
      const label = inboundLabel(inbound, 'json', envelope);
      const body = inboundText.ok ? inboundText.encoded.body : Buffer.from(encoded.json, 'utf8');
      result.payloads.push({ label: part.line === undefined ? label : `${label} (line ${part.line})`, body, policy: policyForPayload(envelope) });
      continue;
    }
    const event = typeof envelope.event === 'string' ? envelope.event : undefined;
    const uuid = typeof envelope.uuid === 'string' ? envelope.uuid : undefined;
    const name = [event ?? 'JSON body', uuid?.slice(0, 8)].filter(Boolean).join(' ');
    result.payloads.push({ label: part.line === undefined ? name : `${name} (line ${part.line})`, body: Buffer.from(encoded.json, 'utf8'), event, uuid });
  }
  return result;
}

function jsonLines(text: string): { text: string; offset: number; line: number }[] {
  const parts: { text: string; offset: number; line: number }[] = [];
  let offset = 0;
  text.split('\n').forEach((line, index) => {
    if (line.trim() !== '') parts.push({ text: line, offset, line: index + 1 });
    offset += line.length + 1;
  });
  return parts;
}

/** "line 3: Not valid JSON: comma expected." for a message to the user. */
export function describeProblems(problems: readonly PayloadProblem[]): string {
  return problems.map((problem) => (problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}`)).join(' ');
}
