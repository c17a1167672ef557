/**
 * Inbound e-mail: what Postal posts to a route's HTTP endpoint (`app/senders/http_sender.rb`),
 * in its two formats (the parsed message, `hash`; the stored message, `raw`) and two encodings
 * (`json`; a urlencoded `form`).
 *
 * ```ts
 * recogniseInbound(value)                        // 'hash' | 'raw' | undefined, from a parsed body
 * readFormBody(text)                             // a form body as an object, and its format
 * typedFormValue(object, format)                 // a form's text fields as the JSON body has them
 * validateInbound(value, format, encoding)       // { ok, issues } in plain words
 * await inspectInbound(value, format, encoding)  // the listener's summary and schema result
 * await parseInboundMail(typed, format)          // ParsedMail: headers, bodies, replies, attachments, notes
 * await composeFromEml(eml, options)             // the payload Postal would send for an e-mail
 * encodeInbound(payload, encoding)               // its bytes and Content-Type, as Postal writes them
 * readInboundPayloadFile(text, encoding)         // a *.postal.json endpoint payload, ready to send
 * policyForPayload(value)                        // how Postal judges the answer (core/delivery)
 * ```
 *
 * postal-mime (RawMessage and `.eml` parsing) is loaded the first time a message is parsed.
 */
export { composeFromEml, type EmlOptions, type EmlPayload, randomToken } from './composeFromEml';
export { type EndpointOptions, hashPayload, type MessageRow, rawPayload } from './composePayload';
export { encodeInbound, encodeInboundText, type InboundBody } from './encodeInbound';
export { encodeForm, readFormBody } from './formBody';
export { typedFormValue } from './formTypes';
export { inboundFieldInfo, inboundKeysAt, inboundSchemaAt } from './inboundFields';
export { encodingOfContentType, type InboundEncoding, type InboundFormat, POSTAL_NAMES, recogniseInbound } from './inboundFormat';
export { inboundLabel, type InboundPayload, inboundPayloadFromEml, policyForPayload, readInboundPayloadFile } from './inboundPayload';
export { inboundHashSampleFor } from './inboundSampleVariants';
export { inboundHashSample, inboundRawSample, inboundSample } from './inboundSamples';
export { type InboundAttachment, type InboundHash, inboundHashSchema, type InboundRaw, inboundRawSchema } from './inboundSchemas';
export { type InboundInspection, inspectInbound } from './inspectInbound';
export { type MailAttachmentInfo, type ParsedMail, parseInboundMail } from './parsedMail';
export { separateReplies } from './replySeparator';
export { decode64, encode64, isRubyBase64 } from './rubyBase64';
export { validateInbound } from './validateInbound';
