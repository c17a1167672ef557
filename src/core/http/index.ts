/**
 * Sending one HTTP request the way Postal does and saying how it went: the transport
 * (`postRaw`), the answer and failure types the history stores, the one classification and
 * wording of failures, and the header and address rules every sender shares.
 */
export { type ForwardErrorCode, type HttpExchange, type HttpResponse, type StoredBody } from './exchange';
export { HOP_BY_HOP_HEADERS, withoutHopByHopHeaders } from './hopByHop';
export { isLoopbackHost, isLoopbackUrl } from './loopback';
export { postRaw, type RawPostOptions, type RawPostResult } from './postRaw';
export { hasUrlSecrets, isSecretHeader, MASK, maskSecret, maskSecretHeaderMap, maskSecretHeaders, redactPath, redactUrl, redactUrlIn } from './redact';
export { classifyFailure, failureMessage } from './requestFailure';
export { type OutgoingRequest, sendRequest, type SendOptions } from './sendRequest';
