/**
 * What every field of a Postal webhook means, in one place (reference §2–§3). The schemas attach
 * these with `.meta()`, so hovers in VS Code, the JSON Schema, lint messages and the event tree
 * all say the same thing. Texts are Markdown; plain-text descriptions drop the markup.
 */
export interface FieldDoc {
  /** Markdown description of the field. */
  readonly doc: string;
  /** Ends the sentence "it is null …" in messages about a missing nullable field. */
  readonly nullWhen?: string;
  /** Markdown description of each allowed value of an enum field. */
  readonly values?: Readonly<Record<string, string>>;
}

export const ENVELOPE_DOCS = {
  event: { doc: 'The event name, one of the 10 Postal webhook events. It decides the shape of `payload`.' },
  timestamp: {
    doc: "When the event was triggered (the queued webhook request's `created_at`), Unix seconds with microseconds; the same on every retry, so it is not the time of this attempt.",
  },
  payload: { doc: "The event-specific data. Postal's webhook history page shows only this part." },
  uuid: {
    doc: "The webhook request's UUID (Postal sends v4): the same on every retry and different for each webhook that receives the event, so use it to de-duplicate.",
  },
} as const satisfies Record<string, FieldDoc>;

export const MESSAGE_DOCS = {
  id: { doc: "The message's id in the mail server's message database (an integer, unique per mail server)." },
  token: {
    doc: "The message's random token: 16 letters and digits since Postal 3.0, 12 in v2. Outgoing mail carries it in the `X-Postal-MsgID` header.",
  },
  direction: {
    doc: '`outgoing` for mail the server sends, `incoming` for mail it receives (bounces included).',
    values: {
      outgoing: 'Sent by this mail server, through the API or SMTP.',
      incoming: 'Received by this mail server, including bounces.',
    },
  },
  message_id: {
    doc: 'The `Message-ID` header without angle brackets; `null` when the message has none. Messages sent through the API get `<uuid>@<return path domain>`.',
    nullWhen: 'when the message has no Message-ID header',
  },
  to: {
    doc: 'The envelope recipient (`RCPT TO`), not the `To` header. Always a string in practice; `null` only in rare edge cases.',
    nullWhen: 'only in rare edge cases',
  },
  from: {
    doc: 'The envelope sender (`MAIL FROM`), not the `From` header; `null` for a null-sender bounce (`MAIL FROM:<>`).',
    nullWhen: 'for a null-sender bounce',
  },
  subject: {
    doc: 'The first 200 characters of the `Subject` header; `null` when there is none.',
    nullWhen: 'when the message has no subject',
  },
  timestamp: { doc: 'When the message was created in Postal, Unix seconds (up to 6 decimals).' },
  spam_status: {
    doc: 'The spam check result. Outgoing mail is checked only when the mail server has an outbound spam threshold, so it is usually `NotChecked`.',
    values: {
      NotChecked: 'Not inspected: most outgoing mail, and every bounce.',
      Spam: "Inspected and scored at or above the mail server's spam threshold.",
      NotSpam: 'Inspected and scored below the spam threshold.',
    },
  },
  tag: {
    doc: 'The tag set through the API `tag` field or the `X-Postal-Tag` header; `null` when there is none.',
    nullWhen: 'when the message has no tag',
  },
} as const satisfies Record<string, FieldDoc>;

export const SERVER_DOCS = {
  uuid: { doc: "The mail server's UUID." },
  name: { doc: "The mail server's name." },
  permalink: { doc: "The mail server's permalink, its short name in Postal's URLs." },
  organization: {
    doc: "The permalink of the organization that owns the mail server; `null` if there is none.",
    nullWhen: 'when no organization owns the mail server',
  },
} as const satisfies Record<string, FieldDoc>;

export const DELIVERY_DOCS = {
  message: { doc: 'The message this delivery attempt is for.' },
  status: {
    doc: 'The delivery status. Each event always carries the same one: `Sent` in MessageSent, `SoftFail` in MessageDelayed, `HardFail` in MessageDeliveryFailed, `Held` in MessageHeld.',
    values: {
      Sent: 'Delivered: the remote server or HTTP endpoint accepted the message.',
      SoftFail: 'A temporary failure; Postal retries and sends MessageDelayed again on every failed attempt.',
      HardFail: 'A permanent failure; Postal gives up on this recipient.',
      Held: 'Held by Postal (development mode, send limit, suppression list, …) and not sent.',
    },
  },
  details: {
    doc: 'What happened, in words, e.g. `Message for alice@example.net accepted by 142.250.102.27:25 (aspmx.l.google.com)`. At most 250 characters.',
  },
  output: {
    doc: 'What the remote SMTP server or HTTP endpoint answered, at most 250 characters. Never `null`: an empty string when there was no answer (held messages, failures decided inside Postal).',
  },
  sent_with_ssl: {
    doc: 'Whether the connection used TLS; `null` (not `false`) when there was no connection: held messages and failures decided inside Postal.',
    nullWhen: 'when there was no connection',
  },
  timestamp: { doc: 'When this delivery attempt was recorded, Unix seconds (up to about 7 decimals).' },
  time: {
    doc: 'Seconds the attempt took, rounded to 2 decimals; `null` when nothing was attempted: held messages, failures decided inside Postal, and the "No SMTP servers were available" soft fail.',
    nullWhen: 'when nothing was attempted',
  },
} as const satisfies Record<string, FieldDoc>;

export const BOUNCE_DOCS = {
  original_message: { doc: 'The message that bounced, usually an outgoing one.' },
  bounce: {
    doc: 'The bounce (DSN) Postal received: usually `incoming`, sent to `<server token>@<return path domain>`, often from the null sender (`from` is `null`), `NotChecked` for spam and without a tag.',
  },
} as const satisfies Record<string, FieldDoc>;

const IP_ADDRESS_NULL = 'when Postal could not tell the client address';
const USER_AGENT_NULL = 'when the client sent no User-Agent header';

export const LINK_CLICKED_DOCS = {
  message: { doc: 'The message the clicked link was in.' },
  url: { doc: 'The original link target, where Postal redirected the recipient.' },
  token: { doc: "The tracked link's token (not the message's): 16 letters and digits since Postal 3.0, 8 in v2." },
  ip_address: {
    doc: "The clicker's IP address as Postal saw it (it depends on Postal's trusted-proxy setup).",
    nullWhen: IP_ADDRESS_NULL,
  },
  user_agent: { doc: "The clicker's `User-Agent` header; `null` when the client sent none.", nullWhen: USER_AGENT_NULL },
} as const satisfies Record<string, FieldDoc>;

export const LOADED_DOCS = {
  message: { doc: 'The message whose tracking pixel was loaded.' },
  ip_address: {
    doc: "The IP address that loaded the tracking pixel, often a mail provider's image proxy.",
    nullWhen: IP_ADDRESS_NULL,
  },
  user_agent: { doc: 'The `User-Agent` header of the pixel request; `null` when the client sent none.', nullWhen: USER_AGENT_NULL },
} as const satisfies Record<string, FieldDoc>;

const DNS_STATUS_VALUES = {
  OK: 'The record is correct.',
  Missing: 'No record was found.',
  Invalid: 'A record exists but is wrong.',
};
const DNS_ERROR_NULL = 'when the check passed';

export const DOMAIN_DNS_ERROR_DOCS = {
  server: { doc: 'The mail server the domain belongs to (domains owned by an organization never trigger this event).' },
  domain: { doc: 'The domain whose DNS check failed.' },
  uuid: { doc: "The domain's UUID in Postal (not the webhook request's UUID)." },
  dns_checked_at: { doc: 'When the automatic hourly DNS check ran, Unix seconds.' },
  spf_status: { doc: 'Result of the SPF check.', values: DNS_STATUS_VALUES },
  spf_error: {
    doc: 'Why SPF failed, e.g. `No SPF record exists for this domain`; `null` when SPF is OK.',
    nullWhen: DNS_ERROR_NULL,
  },
  dkim_status: { doc: 'Result of the DKIM check (the `postal-XXXXXX._domainkey` record).', values: DNS_STATUS_VALUES },
  dkim_error: {
    doc: 'Why DKIM failed, e.g. `The DKIM record at … does not match the record we have provided`; `null` when DKIM is OK.',
    nullWhen: DNS_ERROR_NULL,
  },
  mx_status: { doc: 'Result of the MX check. `Missing` alone does not trigger this event.', values: DNS_STATUS_VALUES },
  mx_error: {
    doc: 'Why the MX check failed, e.g. `There are no MX records for <domain>`; `null` when MX is OK.',
    nullWhen: DNS_ERROR_NULL,
  },
  return_path_status: {
    doc: 'Result of the return path check (the `psrp.<domain>` CNAME). `Missing` alone does not trigger this event.',
    values: DNS_STATUS_VALUES,
  },
  return_path_error: {
    doc: 'Why the return path check failed, e.g. `There is no return path record at psrp.<domain>`; `null` when it is OK.',
    nullWhen: DNS_ERROR_NULL,
  },
} as const satisfies Record<string, FieldDoc>;

export const SEND_LIMIT_DOCS = {
  server: { doc: 'The mail server whose send limit this is about.' },
  volume: { doc: 'Outgoing messages the mail server sent in the last 60 minutes.' },
  limit: { doc: "The mail server's send limit, in messages per hour." },
} as const satisfies Record<string, FieldDoc>;

/** The plain-text form of a Markdown doc (what `description` carries). */
export function plainText(markdown: string): string {
  return markdown.replace(/[`*]/g, '');
}
