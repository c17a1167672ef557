import { DELIVERY_STATUS_BY_EVENT, type DeliveryEventName } from '../deliveryEvents';
import { type PayloadOf } from '../envelope';
import { type PostalVersion } from '../primitives';
import {
  buildEnvelope,
  buildMessage,
  gmailMessageId,
  type MessageFields,
  roundTo,
  sampleKit,
  type SampleVariant,
  secondsBefore,
} from './sampleKit';

/** A delivery situation, with the `details` and `output` Postal writes for it (reference §3.2). */
interface DeliverySpec {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly message?: MessageFields;
  readonly details: string;
  readonly output: string;
  readonly sentWithSsl: boolean | null;
  /** False when nothing was sent, so `time` is null. */
  readonly timed: boolean;
  readonly postalVersion?: PostalVersion;
}

function deliveryVariant<E extends DeliveryEventName>(event: E, spec: DeliverySpec): SampleVariant<E> {
  return {
    name: spec.name,
    label: spec.label,
    description: spec.description,
    build(options = {}) {
      const kit = sampleKit({ ...options, ...(spec.postalVersion ? { postalVersion: spec.postalVersion } : {}) });
      const payload = {
        message: buildMessage(kit, spec.message),
        status: DELIVERY_STATUS_BY_EVENT[event],
        details: spec.details,
        output: spec.output,
        sent_with_ssl: spec.sentWithSsl,
        timestamp: secondsBefore(kit, 0.12, 7),
        time: spec.timed ? roundTo(0.15 + kit.random.unit() * 1.4, 2) : null,
      } as PayloadOf<E>;
      return buildEnvelope(kit, event, payload);
    },
  };
}

const INBOUND_URL = 'https://app.acme.example/postal/inbound';
const INCOMING_REPLY: MessageFields = {
  direction: 'incoming',
  message_id: gmailMessageId,
  to: 'support@inbound.acme.example',
  from: 'bob@example.org',
  subject: 'Re: Your order #1042 has shipped',
  spam_status: 'NotSpam',
  tag: null,
  ageSeconds: 0.4,
};
const NOT_SENT = { output: '', sentWithSsl: null, timed: false } as const;

const SENT_BY_SMTP: DeliverySpec = {
  name: 'default',
  label: 'Sent by SMTP',
  description: "An outgoing message accepted over TLS by the recipient's mail server.",
  details: 'Message for alice@example.net accepted by 142.250.102.27:25 (aspmx.l.google.com)',
  output: '250 2.0.0 OK  1714567891 a1-20020a05600c000100b0041a1c2bd0e7si1234567wmq.12 - gsmtp',
  sentWithSsl: true,
  timed: true,
};

export const MESSAGE_SENT_VARIANTS: readonly SampleVariant<'MessageSent'>[] = [
  deliveryVariant('MessageSent', SENT_BY_SMTP),
  deliveryVariant('MessageSent', {
    name: 'incoming-http',
    label: 'Incoming, delivered to an HTTP endpoint',
    description: "An incoming reply that Postal posted to the mail server's HTTP endpoint, which answered 200.",
    message: INCOMING_REPLY,
    details: `Received a 200 from ${INBOUND_URL}`,
    output: '{"ok":true}',
    sentWithSsl: true,
    timed: true,
  }),
  deliveryVariant('MessageSent', {
    ...SENT_BY_SMTP,
    name: 'v2',
    label: 'Sent by SMTP (Postal v2)',
    description: 'The same delivery as Postal 2.x reported it, with a 12-character message token.',
    postalVersion: 'v2',
  }),
  deliveryVariant('MessageSent', {
    name: 'no-tls',
    label: 'Sent by SMTP without TLS',
    description: 'An outgoing message accepted by a mail server that offered no STARTTLS.',
    message: { to: 'carol@example.com' },
    details: 'Message for carol@example.com accepted by 203.0.113.25:25 (mx1.example.com)',
    output: '250 2.0.0 Ok: queued as 4VTHqK1mZtz9sWj',
    sentWithSsl: false,
    timed: true,
  }),
];

export const MESSAGE_DELAYED_VARIANTS: readonly SampleVariant<'MessageDelayed'>[] = [
  deliveryVariant('MessageDelayed', {
    name: 'default',
    label: 'Greylisted (SMTP 451)',
    description: 'The recipient server deferred the message; Postal will retry.',
    message: { to: 'carol@example.com' },
    details: 'Temporary SMTP delivery error when sending to 203.0.113.25:25 (mx1.example.com)',
    output: '451 4.7.1 Greylisting in action, please come back later',
    sentWithSsl: true,
    timed: true,
  }),
  deliveryVariant('MessageDelayed', {
    name: 'no-smtp-servers',
    label: 'No SMTP server reachable',
    description: "None of the recipient domain's MX hosts accepted a connection; no attempt was timed.",
    message: { to: 'dave@example.org' },
    details: 'No SMTP servers were available for example.org. Tried mx1.example.org and mx2.example.org.',
    output: 'Connection refused - connect(2) for 198.51.100.10:25, Connection refused - connect(2) for 198.51.100.11:25',
    sentWithSsl: false,
    timed: false,
  }),
  deliveryVariant('MessageDelayed', {
    name: 'http-503',
    label: 'HTTP endpoint unavailable (503)',
    description: "The mail server's HTTP endpoint answered 503 to an incoming message; Postal will retry.",
    message: INCOMING_REPLY,
    details: `Received a 503 from ${INBOUND_URL}`,
    output: 'Service Unavailable',
    sentWithSsl: true,
    timed: true,
  }),
];

export const MESSAGE_DELIVERY_FAILED_VARIANTS: readonly SampleVariant<'MessageDeliveryFailed'>[] = [
  deliveryVariant('MessageDeliveryFailed', {
    name: 'default',
    label: 'Rejected by SMTP (550)',
    description: 'The recipient server permanently rejected the address.',
    message: { to: 'nobody@example.net' },
    details: 'Permanent SMTP delivery error when sending to 203.0.113.40:25 (mx.example.net)',
    output: '550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
    sentWithSsl: true,
    timed: true,
  }),
  deliveryVariant('MessageDeliveryFailed', {
    name: 'max-attempts',
    label: 'Too many attempts',
    description: 'Postal gave up after the maximum number of soft fails; decided inside Postal, so no output.',
    message: { to: 'dave@example.org', ageSeconds: 85_500 },
    details:
      'Maximum number of delivery attempts (18) has been reached. Added dave@example.org to suppression list because delivery has failed 18 times.',
    ...NOT_SENT,
  }),
  deliveryVariant('MessageDeliveryFailed', {
    name: 'http-404',
    label: 'HTTP endpoint rejected (404)',
    description: "The mail server's HTTP endpoint answered 404 to an incoming message; Postal does not retry.",
    message: INCOMING_REPLY,
    details: `Received a 404 from ${INBOUND_URL}`,
    output: 'Not Found',
    sentWithSsl: true,
    timed: true,
  }),
  deliveryVariant('MessageDeliveryFailed', {
    name: 'spam',
    label: 'Refused as spam',
    description: 'Outbound spam checking is on and the message scored above the threshold.',
    message: { spam_status: 'Spam', subject: 'You have WON a FREE cruise!!!', tag: null },
    details: 'Message is likely spam. Threshold is 5.0 and the message scored 7.3.',
    ...NOT_SENT,
  }),
];

export const MESSAGE_HELD_VARIANTS: readonly SampleVariant<'MessageHeld'>[] = [
  deliveryVariant('MessageHeld', {
    name: 'default',
    label: 'Development mode',
    description: 'The mail server is in development mode, so Postal holds every message.',
    message: { to: 'erin@example.com', ageSeconds: 0.3 },
    details: 'Server is in development mode.',
    ...NOT_SENT,
  }),
  deliveryVariant('MessageHeld', {
    name: 'send-limit',
    label: 'Send limit reached',
    description: 'The mail server reached its hourly send limit; Postal holds further outgoing mail.',
    message: { to: 'frank@example.com', ageSeconds: 0.3 },
    details: 'Message held because send limit (1000) has been reached.',
    ...NOT_SENT,
  }),
  deliveryVariant('MessageHeld', {
    name: 'suppressed',
    label: 'Recipient on the suppression list',
    description: 'The recipient hard-failed too often before, so Postal holds mail to them.',
    message: { to: 'grace@example.com', ageSeconds: 0.3 },
    details: 'Recipient (grace@example.com) is on the suppression list (reason: too many hard fails)',
    ...NOT_SENT,
  }),
];
