/**
 * The webhook listener: an HTTP server that Postal (or a tunnel in front of it) POSTs to.
 *
 * ```ts
 * const listener = createListener({ port: 8789, publicKey, forward: { url: 'http://localhost:3000/hook' } },
 *                                  { store, logger });  // optional: now, validate
 * const started = await listener.start();          // { ok: true, address } | { ok: false, error }
 * listener.onDidSettleRecord((record) => tree.add(record)); // once per request, when settled
 * await listener.restart({ response: { type: 'fixed', status: 503, delayMs: 0 } });
 * await listener.stop();
 * ```
 *
 * For every request it keeps the raw body bytes (capped, default 1 MB → 413), checks the Postal
 * signature over them, parses the JSON and checks it with the event model (`validateEnvelope`,
 * unless `deps.validate` replaces it), spots Postal retries by envelope `uuid`,
 * writes the `WebhookRecord` to the store (on disk before answering), answers per the response
 * mode, and passes the request on to the user's app when a forward URL is set.
 *
 * - Defaults: host 127.0.0.1 (loopback only), port {@link DEFAULT_LISTENER_PORT} (8789), any path
 *   accepted; with `requiredPath`, other paths get 404 (recorded, kind `rejected`).
 * - The gate, before any byte of the body is read (see `Gate`): browsers (an `Origin` or Fetch
 *   Metadata header, `OPTIONS` preflights) and a `Host` that names neither this listener nor an
 *   allowed host (DNS rebinding) get 403; with a public key, unsigned or badly signed requests
 *   beyond a budget per minute get 429. Refused requests are counted (`refusals`,
 *   `onDidRefuse`) and logged at a bounded rate, never stored nor forwarded.
 * - Methods: POST is handled; GET and HEAD are health probes (the listening path answers 200 with
 *   a one-line text, other paths 404) and are never recorded, so browsers and tunnel checks do
 *   not flood the history; any other method gets 405 with `Allow: POST` and is recorded.
 * - What is stored has its credentials masked (headers such as Authorization and Cookie, unless
 *   `keepSecrets`; credentials in the path and the forward URL always); the app gets the
 *   request as it came, with at most `forwardLimits.maxInFlight` forwards at once.
 * - Malformed HTTP gets 400, a client too slow with its headers or body gets 408 (Node's
 *   `headersTimeout` / `requestTimeout`). These are logged, not recorded: malformed bytes are no
 *   request, and a body that never arrived cannot be checked (the same goes for a client that
 *   hangs up mid-body).
 * - Answers (see `ResponseMode`): a fixed status (default 200) with an optional delay, or
 *   `mirror` the app's status (502 when the forward fails, 504 when it times out). Our own body
 *   is a small JSON receipt, which Postal shows as "Response Body" in its webhook history.
 * - Forwarding never delays the answer to Postal, except in `mirror` mode; its result is added
 *   to the record later (`store.onDidChange` 'updated') and then `onDidSettleRecord` fires.
 * - With `rejectUnsigned`, requests with a missing or invalid signature get 401 (recorded).
 * - A POST with a one-time token from `listener.probes` (header `X-Postal-Webhooks-Probe`) is
 *   answered with the token and not recorded: `probeUrl` uses it to test that a URL leads here.
 * - Nothing throws out of the listener: start problems are results, request failures are logged
 *   and answered 500.
 */
export { createListener, type ListenerAddress, type ListenerDeps, type ListenerState, STOP_GRACE_MS, type StartResult, type WebhookListener } from './createListener';
export { type FinishedForward, forwardRequest, type ForwardTarget } from './forwardRequest';
export { formatRecordLine } from './formatRecordLine';
export { type BodyInspection, type EnvelopeValidator, inspectBody, validateWithEventModel } from './inspectBody';
export { type ForwardLimits } from './forwardQueue';
export { allowedHostProblem } from './hostPolicy';
export { describeListenError, type ListenerError } from './listenError';
export {
  DEFAULT_LISTENER_HOST,
  DEFAULT_LISTENER_PORT,
  type ForwardOptions,
  LISTENER_DEFAULTS,
  type ListenerOptions,
  listenerOptionsProblem,
  type ResolvedListenerOptions,
  resolveListenerOptions,
} from './listenerOptions';
export { PROBE_HEADER, probeUrl, type ReachResult, ProbeTokens } from './reachProbe';
export { type Refusal, type RefusalReason } from './perimeter';
export { describeSources, NO_REFUSALS, type RefusalSummary } from './refusals';
export { DEFAULT_UNVERIFIED_LIMITS, type UnverifiedLimits } from './unverifiedBudget';
export { DEFAULT_RESPONSE_MODE, MAX_RESPONSE_DELAY_MS, parseResponseMode, type ResponseMode, responseModeProblem, type ResponseModeParse } from './responseMode';
