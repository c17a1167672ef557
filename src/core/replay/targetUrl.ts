import { redactUrl } from '../http';

/** Why `text` cannot be a webhook target, in words for the user; undefined when it can. */
export function targetUrlProblem(text: string): string | undefined {
  if (text === '') return 'Enter a URL, e.g. http://localhost:3000/webhooks/postal';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `'${redactUrl(text)}' is not a URL; write it like http://localhost:3000/webhooks/postal`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `Postal sends webhooks over http or https, not ${url.protocol.replace(/:$/, '')}.`;
  if (url.hash !== '') return 'Postal does not accept a # in webhook URLs; remove it.';
  return undefined;
}

/** The URL for logs and reports: credentials in it (`user:pass@`, which Postal turns into Basic auth, or a token parameter) masked. */
export function urlForLog(text: string): string {
  return redactUrl(text);
}
