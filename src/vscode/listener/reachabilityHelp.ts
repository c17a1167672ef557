import { POSTAL_RESULT_CODE, WEBHOOK_POLICY, WEBHOOK_RETRY_DELAYS_MINUTES } from '../../core/delivery';
import { type ReachResult } from '../../core/listener/reachProbe';

/** A URL that could lead to the listener: directly, or through VS Code's port forwarding; with what a test POST found. */
export interface TestedUrl {
  url: string;
  via: 'direct' | 'forwarded';
  /** Absent when it could not be tested (the listener is not running). */
  result?: ReachResult;
}

const VIA: Record<TestedUrl['via'], string> = { direct: 'on this machine', forwarded: "through VS Code's port forwarding" };

function urlLine({ url, via, result }: TestedUrl): string {
  if (result === undefined) return `- \`${url}\` (${VIA[via]}): not tested, the listener is not running`;
  if (result.reached) return `- ✓ \`${url}\` (${VIA[via]}): ${result.detail}`;
  return `- ✗ \`${url}\` (${VIA[via]}): ${result.detail}. Do not give this one to Postal.`;
}

/** Which URL to copy, and what to tell the user about it. */
export function chooseWebhookUrl(tested: readonly TestedUrl[], running: boolean): { url: string; note: string } {
  const [first] = tested;
  const direct = tested.find((candidate) => candidate.via === 'direct') ?? first;
  if (!running) return { url: first.url, note: 'The listener is not running, so the URL is not tested: start it before Postal sends.' };
  const reached = tested.find((candidate) => candidate.result?.reached === true);
  if (reached === undefined) return { url: direct.url, note: `A test POST did not reach the listener: ${direct.result?.detail ?? 'no answer'}.` };
  if (reached === first) return { url: reached.url, note: 'Tested: a POST to it reaches the listener.' };
  return { url: reached.url, note: `VS Code's forwarded URL ${first.url} does not reach the listener (${first.result?.detail ?? 'no answer'}), so this is the direct URL.` };
}

/**
 * "How Postal reaches the listener", shown by Learn More after Copy Webhook URL: the URLs that
 * may lead to the listener, each with what a test POST found, then loopback, port forwarding
 * and tunnels, the SSRF guard of Postal after 3.3.6, and where the URL goes in Postal.
 */
export function reachabilityHelp(tested: readonly TestedUrl[]): string {
  const { timeoutSeconds, maxAttempts } = WEBHOOK_POLICY;
  const localUrl = (tested.find((candidate) => candidate.via === 'direct') ?? tested[0]).url;
  return `# How Postal reaches the listener

The listener runs inside VS Code. Each URL that may lead to it, with what a test POST (sent as Postal
sends webhooks) found:

${tested.map(urlLine).join('\n')}

By default it listens on **127.0.0.1** only, so nothing outside this machine can reach it.

## Postal on this machine (Docker, a local install)

Use the URL marked ✓ above as the webhook URL (in a Postal container, \`localhost\` is the container itself:
use \`http://host.docker.internal:PORT/\` or the host's address instead).

## Postal on another machine

Postal must be able to open the URL, so give it an address that leads here:

1. **A tunnel** (simplest): \`cloudflared tunnel --url ${localUrl}\` or \`ngrok http ${portOf(localUrl)}\`, then use the
   public \`https://…\` URL it prints as the webhook URL, and add its name (\`abc.trycloudflare.com\`) to
   \`postalWebhooks.listener.allowedHosts\`: the listener refuses requests for names it does not know.
2. **VS Code port forwarding**: in the *Ports* view, forward port ${portOf(localUrl)} and set its visibility to
   *Public* (Codespaces, dev tunnels). The forwarded URL is what **Copy Webhook URL** copies in a remote window,
   once a test POST through it reached the listener.
3. **Your network**: set \`postalWebhooks.listener.host\` to \`0.0.0.0\` and use this machine's address. Anyone
   who can reach the port can then send requests; turn on \`postalWebhooks.listener.rejectUnsigned\`.

## Postal newer than 3.3.6 refuses private addresses

Newer Postal releases resolve the webhook host before connecting and refuse loopback, private,
link-local and CGNAT addresses (127.0.0.0/8, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, ::1, …).
The webhook history then shows status **${POSTAL_RESULT_CODE.destinationNotPermitted}** with
"Destination '…' is not permitted". Either use a public tunnel URL, or allow the address in Postal's
configuration: \`postal.allowed_request_destinations\` (environment variable
\`POSTAL_ALLOWED_REQUEST_DESTINATIONS\`), which takes host names and IP/CIDR ranges.

## In Postal

*Mail server → Webhooks → Add webhook*: paste the URL, choose the events (SendLimitApproaching and
SendLimitExceeded are sent only with **All events**), save. Postal signs every request; run
**Postal: Set Up Postal Public Key** so the listener can verify the signatures.

## What Postal does with the listener's answer

Only a 2xx within ${timeoutSeconds} s counts as delivered. Anything else (3xx, 4xx, 5xx, a timeout:
${POSTAL_RESULT_CODE.timeout}, a connection error: ${POSTAL_RESULT_CODE.connectionError}) is retried, up to ${maxAttempts} attempts
in all, after ${WEBHOOK_RETRY_DELAYS_MINUTES.map((minutes) => `+${minutes}`).join(', ')} minutes. The listener's response settings
(\`postalWebhooks.listener.responseStatus\`, \`responseDelayMs\`, \`responseMode\`) let you watch that happen.
`;
}

function portOf(url: string): string {
  return URL.canParse(url) ? new URL(url).port || '80' : '8789';
}
