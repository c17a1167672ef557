import { type ForwardErrorCode } from './exchange';

const TLS_ERROR = /^(ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_(GET|VERIFY)_)/;

/** Sorts a Node network error into the few kinds that call for different advice. */
export function classifyFailure(error: NodeJS.ErrnoException): ForwardErrorCode {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'dns';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    case 'ETIMEDOUT':
      return 'timeout';
    default:
      return TLS_ERROR.test(error.code ?? '') || error.code === 'EPROTO' ? 'tls' : 'other';
  }
}

/**
 * The one sentence shown for a request that got no answer: what happened and what to do.
 * `detail` is the underlying error's message (for a cancelled request, why it was cancelled).
 */
export function failureMessage(code: ForwardErrorCode, url: string, timeoutMs: number, detail: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  const host = parsed?.host ?? url;
  const hostname = parsed?.hostname ?? url;
  switch (code) {
    case 'refused':
      return `Connection refused by ${host}: is your app running? Start it, or check the URL and port.`;
    case 'timeout':
      return `${url} did not answer within ${timeoutMs / 1000} s (Postal waits 5 s, then records -1 "Timed out after 5s").`;
    case 'dns':
      return `Unknown host ${hostname}: check the URL.`;
    case 'reset':
      return `${host} closed the connection before answering.`;
    case 'tls':
      return `TLS with ${host} failed (${openSslReason(detail)}): check its certificate, or use http:// if it does not speak https.`;
    case 'aborted':
      return detail;
    default:
      return `Sending to ${url} failed (${detail}).`;
  }
}

/** OpenSSL's messages carry a library, function, file and line: keep the reason (`wrong version number`). */
function openSslReason(detail: string): string {
  const firstLine = detail.split('\n')[0].trim();
  return /SSL routines:[^:]*:([^:]+)/.exec(firstLine)?.[1] ?? firstLine;
}
