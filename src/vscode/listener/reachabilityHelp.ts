import { POSTAL_RESULT_CODE, WEBHOOK_POLICY, WEBHOOK_RETRY_DELAYS_MINUTES } from '../../core/delivery';

/**
 * "How Postal reaches the listener", shown by Learn More after Copy Webhook URL: loopback, port
 * forwarding and tunnels, the SSRF guard of Postal after 3.3.6, and where the URL goes in Postal.
 */
export function reachabilityHelp(localUrl: string, externalUrl: string): string {
  const { timeoutSeconds, maxAttempts } = WEBHOOK_POLICY;
  return `# How Postal reaches the listener

The listener runs inside VS Code and answers at:

- on this machine: \`${localUrl}\`
${externalUrl === localUrl ? '' : `- through VS Code's port forwarding: \`${externalUrl}\`\n`}
By default it listens on **127.0.0.1** only, so nothing outside this machine can reach it.

## Postal on this machine (Docker, a local install)

Use the URL above as the webhook URL (in a Postal container, \`localhost\` is the container itself:
use \`http://host.docker.internal:PORT/\` or the host's address instead).

## Postal on another machine

Postal must be able to open the URL, so give it an address that leads here:

1. **A tunnel** (simplest): \`cloudflared tunnel --url ${localUrl}\` or \`ngrok http ${portOf(localUrl)}\`, then use the
   public \`https://…\` URL it prints as the webhook URL, and add its name (\`abc.trycloudflare.com\`) to
   \`postalWebhooks.listener.allowedHosts\`: the listener refuses requests for names it does not know.
2. **VS Code port forwarding**: in the *Ports* view, forward port ${portOf(localUrl)} and set its visibility to
   *Public* (Codespaces, dev tunnels). The forwarded URL is what **Copy Webhook URL** copies in a remote window.
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
