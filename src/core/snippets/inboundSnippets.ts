import { inboundNumberKinds } from '../inbound/encodeInbound';
import { inboundHashSampleFor } from '../inbound/inboundSampleVariants';
import { inboundRawSample } from '../inbound/inboundSamples';
import { railsJson, railsString } from '../replay/railsJson';
import { bodyLines, literalSnippetText, type SnippetFile, tabStop, variable } from './snippetSyntax';

interface InboundSnippetSpec {
  name: string;
  prefix: string;
  description: string;
  payload: () => Record<string, unknown>;
  /** The top-level string fields a user most likely changes first, as tab stops in this order. */
  stops: readonly string[];
}

const HASH_STOPS = ['rcpt_to', 'from', 'subject'] as const;
const ENDPOINT = "An e-mail as Postal posts it to a route's HTTP endpoint";

/** One snippet per shape an endpoint's options give an inbound e-mail, from the reference e-mail Postal 3.3.6 sent. */
const INBOUND_SNIPPETS: readonly InboundSnippetSpec[] = [
  {
    name: 'Postal inbound e-mail (Hash format)',
    prefix: 'postal-inbound-hash',
    description: `${ENDPOINT} in the Hash format, with its attachment (the endpoint's defaults).`,
    payload: () => inboundHashSampleFor({ stripReplies: false, includeAttachments: true }),
    stops: HASH_STOPS,
  },
  {
    name: 'Postal inbound e-mail (Hash format, no attachment data)',
    prefix: 'postal-inbound-hash-no-attachments',
    description: `${ENDPOINT} in the Hash format with attachment data off: no attachments key, while attachment_quantity still counts them.`,
    payload: () => inboundHashSampleFor({ stripReplies: false, includeAttachments: false }),
    stops: HASH_STOPS,
  },
  {
    name: 'Postal inbound e-mail (Hash format, replies stripped)',
    prefix: 'postal-inbound-hash-strip-replies',
    description: `${ENDPOINT} in the Hash format with strip replies on: the quoted reply moved from plain_body to replies_from_plain_body.`,
    payload: () => inboundHashSampleFor({ stripReplies: true, includeAttachments: true }),
    stops: HASH_STOPS,
  },
  {
    name: 'Postal inbound e-mail (RawMessage format)',
    prefix: 'postal-inbound-raw',
    description: `${ENDPOINT} in the RawMessage format: the e-mail as Postal stored it, in base64, with size an integer.`,
    payload: () => inboundRawSample(),
    stops: ['rcpt_to', 'mail_from'],
  },
];

/** Marks a value to be replaced by snippet syntax after encoding; no sample contains `@@`. */
const MARK = /"@@(\d+|NOW)@@"/g;

/**
 * JSON snippets of the bodies Postal posts to HTTP endpoints, laid out as its JSON encoding
 * writes them (Rails' escapes, `timestamp` a Ruby Float), with the current time as `timestamp`
 * and tab stops on the addresses and the subject. They go with the webhook snippets, into
 * `*.postal.json` files, which the linter checks as endpoint payloads.
 */
export function buildInboundSnippets(): SnippetFile {
  const file: SnippetFile = {};
  for (const spec of INBOUND_SNIPPETS) file[spec.name] = { prefix: spec.prefix, description: spec.description, body: bodyLines(snippetBody(spec)) };
  return file;
}

function snippetBody(spec: InboundSnippetSpec): string {
  const payload = spec.payload();
  const marked: Record<string, unknown> = { ...payload };
  spec.stops.forEach((key, index) => {
    if (typeof payload[key] !== 'string') throw new Error(`${spec.prefix}: ${key} is not a string to put a tab stop on`);
    marked[key] = `@@${index + 1}@@`;
  });
  const fraction = typeof payload.timestamp === 'number' ? (String(payload.timestamp).split('.')[1] ?? '0') : undefined;
  if (fraction !== undefined) marked.timestamp = '@@NOW@@';
  const text = literalSnippetText(railsJson(marked, { numberKindAt: inboundNumberKinds, indent: 2 }));
  return text.replace(MARK, (_match, mark: string) => {
    if (mark === 'NOW') return `${variable('CURRENT_SECONDS_UNIX')}.${fraction ?? '0'}`;
    const index = Number(mark);
    return `"${tabStop(index, railsString(payload[spec.stops[index - 1]] as string).slice(1, -1))}"`;
  });
}
