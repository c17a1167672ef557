import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type DeliveryPolicy } from '../core/delivery';
import { type InboundPayload, inboundFormatOfText, inboundPayloadFromEml, policyForPayload, readInboundPayloadFile } from '../core/inbound/inboundPayload';
import { describeProblems, isJsonLines, readPayloadFile } from '../core/replay/payloadFile';
import { type CliIo, readErrorText } from './io';
import { type SendArgs } from './sendArgs';

/** One request `send` makes: its body, how Postal judges the answer, and what `--json` says it was. */
export interface SendItem {
  label: string;
  body: Buffer;
  /** Default: application/json. */
  contentType?: string;
  /** Default: webhooks. */
  policy?: DeliveryPolicy;
  /** The first fields of its `--json` lines. */
  json: Record<string, unknown>;
}

async function readText(path: string, io: CliIo): Promise<string | undefined> {
  try {
    return await readFile(resolve(io.cwd ?? process.cwd(), path), 'utf8');
  } catch (error) {
    io.err(`postal-webhooks send: cannot read ${path}: ${readErrorText(error)}.`);
    return undefined;
  }
}

/** A payload file's requests: webhook envelopes (one, or one per line), or one inbound e-mail payload. */
export async function loadFileItems(path: string, options: SendArgs, io: CliIo): Promise<SendItem[] | undefined> {
  const text = await readText(path, io);
  if (text === undefined) return undefined;
  if (!isJsonLines(path) && inboundFormatOfText(text) !== undefined) {
    const read = readInboundPayloadFile(text, options.inbound.encoding);
    if (!read.ok) {
      io.err(`postal-webhooks send: ${path} cannot be sent, nothing was sent. ${read.problem}`);
      return undefined;
    }
    return [inboundItem(read.payload, options)];
  }
  if (options.inbound.encoding !== 'json') {
    io.err(`postal-webhooks send: ${path} holds webhooks, which Postal always sends as JSON; --encoding form is for inbound e-mail.`);
    return undefined;
  }
  const file = readPayloadFile(text, path);
  if (file.problems.length > 0) {
    io.err(`postal-webhooks send: ${path} is not valid JSON, nothing was sent. ${describeProblems(file.problems)}`);
    return undefined;
  }
  if (file.payloads.length === 0) {
    io.err(`postal-webhooks send: ${path} has no envelope to send.`);
    return undefined;
  }
  return file.payloads.map((payload) => ({ label: payload.label, body: payload.body, json: { event: payload.event, uuid: payload.uuid } }));
}

/** The request Postal would make for an e-mail file. */
export async function loadEmlItem(path: string, options: SendArgs, io: CliIo): Promise<SendItem[] | undefined> {
  let eml: Buffer;
  try {
    eml = await readFile(resolve(io.cwd ?? process.cwd(), path));
  } catch (error) {
    io.err(`postal-webhooks send: cannot read ${path}: ${readErrorText(error)}.`);
    return undefined;
  }
  const { encoding, format, ...row } = options.inbound;
  try {
    const payload = await inboundPayloadFromEml(eml, { encoding, format, ...row });
    return [inboundItem(payload, options)];
  } catch (error) {
    io.err(`postal-webhooks send: ${path} is not an e-mail that can be read: ${(error as Error).message}`);
    return undefined;
  }
}

function inboundItem(payload: InboundPayload, options: SendArgs): SendItem {
  const timeoutSeconds = Math.min(60, Math.max(5, Math.round(options.timeoutMs / 1000)));
  return {
    label: payload.label,
    body: payload.body,
    contentType: payload.contentType,
    policy: policyForPayload(payload.value, timeoutSeconds),
    json: { kind: 'inbound', inbound: { format: payload.format, encoding: payload.encoding, id: payload.value.id ?? null, token: payload.value.token ?? null } },
  };
}
