import { type KeyObject } from 'node:crypto';
import { applyEdits, modify } from 'jsonc-parser';
import { withoutHopByHopHeaders } from '../http';
import { sign, SIGNATURE_HEADER } from '../signature';
import { type EditableRequest } from './editableRequest';
import { encodeJsonText } from './jsonText';
import { numberKindsFor } from './numberKinds';
import { type PostalRequest } from './postalRequest';

/**
 * What happens to the signature of an edited replay:
 * - `captured`: the body goes out as it was captured, so the original signature still holds;
 * - `regenerated`: the body changed, so the signature headers it had are made again with the development key;
 * - `as-written`: the user changed the signature headers themselves, and they go out as written;
 * - `unsigned`: the captured request had none, and none is added.
 */
export type SignaturePlan = 'captured' | 'regenerated' | 'as-written' | 'unsigned';

/** How an edited copy goes out, decided from what changed. */
export interface ReplayPlan {
  url: string;
  headers: [string, string][];
  body: Buffer;
  bodyEdited: boolean;
  /** Whether the edited body is JSON, re-encoded as Postal would; other text goes out as written. */
  json: boolean;
  signature: SignaturePlan;
  /** The envelope uuid, when it was replaced by a new one. */
  uuid?: { from: string; to: string };
}

export interface ReplayEdit {
  /** The captured body bytes. */
  capturedBody: Buffer;
  /** The copy as it was opened, and as it is now. */
  initial: EditableRequest;
  edited: EditableRequest;
  /** Keep the envelope uuid of an edited body (a deliberate repeat); by default it gets a new one. */
  keepUuid: boolean;
  newUuid: () => string;
}

const SIGNATURE_NAMES: ReadonlySet<string> = new Set(Object.values(SIGNATURE_HEADER));

function signatureHeaders(headers: readonly [string, string][]): string {
  return JSON.stringify(headers.filter(([name]) => SIGNATURE_NAMES.has(name.toLowerCase())));
}

/** The envelope uuid of a JSON body, if it has a string one. */
function envelopeUuid(value: unknown): string | undefined {
  const uuid = typeof value === 'object' && value !== null ? (value as { uuid?: unknown }).uuid : undefined;
  return typeof uuid === 'string' ? uuid : undefined;
}

/**
 * Decides how an edited copy of a captured request goes out. An unchanged body is sent as the
 * captured bytes; an edited JSON body is re-encoded as Postal would and, unless `keepUuid`, gets
 * a new envelope uuid when it still carries the original one (it is a new event, not a retry of
 * the old). Headers and URL go out as edited, hop-by-hop headers left to the client.
 */
export function planReplay(edit: ReplayEdit): ReplayPlan | { problem: string } {
  const { initial, edited } = edit;
  const bodyEdited = edited.body !== initial.body;
  let body = edit.capturedBody;
  let json = false;
  let uuid: ReplayPlan['uuid'];
  if (bodyEdited) {
    const encoded = encodeJsonText(edited.body, numberKindsFor);
    const initialJson = encodeJsonText(initial.body, numberKindsFor);
    if (encoded.ok) {
      json = true;
      const original = initialJson.ok ? envelopeUuid(initialJson.value) : undefined;
      if (!edit.keepUuid && original !== undefined && envelopeUuid(encoded.value) === original) {
        uuid = { from: original, to: edit.newUuid() };
        const renamed = encodeJsonText(applyEdits(edited.body, modify(edited.body, ['uuid'], uuid.to, {})), numberKindsFor);
        if (!renamed.ok) return { problem: 'The body could not be given a new uuid.' };
        body = Buffer.from(renamed.json, 'utf8');
      } else {
        body = Buffer.from(encoded.json, 'utf8');
      }
    } else if (initialJson.ok) {
      // It was JSON and no longer is: a slip while editing, not something to send.
      return { problem: `The edited body is not valid JSON, so nothing was sent. ${encoded.errors[0]?.message ?? ''}`.trim() };
    } else {
      body = Buffer.from(edited.body, 'utf8');
    }
  }
  const headers = withoutHopByHopHeaders(edited.headers);
  const signed = signatureHeaders(initial.headers) !== '[]';
  const signature: SignaturePlan =
    signatureHeaders(edited.headers) !== signatureHeaders(initial.headers) ? 'as-written' : !signed ? 'unsigned' : body.equals(edit.capturedBody) ? 'captured' : 'regenerated';
  const plan: ReplayPlan = { url: edited.url, headers, body, bodyEdited, json, signature };
  if (uuid !== undefined) plan.uuid = uuid;
  return plan;
}

/**
 * The request of a plan: for `regenerated`, each signature header the request carries gets its
 * new value from the development key (SHA-256, SHA-1, KID), in its place and case.
 */
export function planRequest(plan: ReplayPlan, privateKey?: KeyObject): PostalRequest {
  let headers = plan.headers;
  if (plan.signature === 'regenerated') {
    if (privateKey === undefined) throw new Error('The development key is needed to sign the edited body.');
    const fresh = sign(plan.body, privateKey);
    const value: Record<string, string | undefined> = {
      [SIGNATURE_HEADER.sha256]: fresh['X-Postal-Signature-256'],
      [SIGNATURE_HEADER.sha1]: fresh['X-Postal-Signature'],
      [SIGNATURE_HEADER.kid]: fresh['X-Postal-Signature-KID'],
    };
    headers = headers.map(([name, old]): [string, string] => [name, value[name.toLowerCase()] ?? old]);
  }
  return { method: 'POST', url: plan.url, headers, body: plan.body };
}

/** Why a re-signed request may be refused: said on hover. */
export const REGENERATED_NOTE = "A receiver that verifies with your Postal server's key refuses it; give it the development public key (Postal: Export Development Public Key).";

/** One sentence on what the signature will be, for the editor: which key, or why none. */
export function describeSignaturePlan(plan: Pick<ReplayPlan, 'signature'>, kid?: string): string {
  switch (plan.signature) {
    case 'captured':
      return 'Body as captured: its original signature stays valid.';
    case 'regenerated':
      return `Body edited: signed again with your development key${kid === undefined ? '' : ` (KID ${kid.slice(0, 12)}…)`}.`;
    case 'as-written':
      return 'Signature headers edited: they go out as you wrote them, not made again.';
    case 'unsigned':
      return 'Unsigned, like the captured request: no signature is added.';
  }
}
