import { encodeInbound } from '../../../src/core/inbound/encodeInbound';
import { readFormBody } from '../../../src/core/inbound/formBody';
import { type InboundEncoding, type InboundFormat } from '../../../src/core/inbound/inboundFormat';
import { inspectInbound } from '../../../src/core/inbound/inspectInbound';
import { type WebhookRecord } from '../../../src/core/store';
import { makeRecord } from './records';

/** The record the listener makes of an inbound e-mail request carrying `value`, encoded as Postal encodes it. */
export async function inboundRecord(value: Record<string, unknown>, format: InboundFormat, encoding: InboundEncoding = 'json', overrides: Partial<WebhookRecord> = {}): Promise<WebhookRecord> {
  const { body, contentType } = encodeInbound(value, encoding);
  const { summary, schema } = await inspectInbound(encoding === 'json' ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : readFormBody(body.toString('utf8')).value, format, encoding);
  return makeRecord({
    headers: { raw: [['Content-Type', contentType]], map: { 'content-type': contentType } },
    body: { encoding: 'utf8', data: body.toString('utf8'), size: body.length, truncated: false },
    parse: { status: encoding === 'json' ? 'json' : 'form' },
    kind: 'inbound',
    event: undefined,
    uuid: undefined,
    schema,
    inbound: summary,
    ...overrides,
  });
}
