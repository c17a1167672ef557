/** Why `text` cannot be a webhook target, in words for the user; undefined when it can. */
export function targetUrlProblem(text: string): string | undefined {
  if (text === '') return 'Enter a URL, e.g. http://localhost:3000/webhooks/postal';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `'${text}' is not a URL; write it like http://localhost:3000/webhooks/postal`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `Postal sends webhooks over http or https, not ${url.protocol.replace(/:$/, '')}.`;
  if (url.hash !== '') return 'Postal does not accept a # in webhook URLs; remove it.';
  return undefined;
}

/** The URL for logs: a password in it (`user:pass@`, which Postal turns into Basic auth) is hidden. */
export function urlForLog(text: string): string {
  try {
    const url = new URL(text);
    if (url.password === '') return text;
    url.password = '***';
    return url.toString();
  } catch {
    return text;
  }
}
