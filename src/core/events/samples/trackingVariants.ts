import { type MessageLinkClicked, type MessageLoaded } from '../trackingEvents';
import { HEX_UPPER, LETTERS, type SampleRandom, UPPER_LETTERS } from './random';
import { buildMessage, inVersionOrder, type SampleKit, type SampleVariant, sampleVariant, token } from './sampleKit';

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const GOOGLE_IMAGE_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

/** An address from the documentation ranges (RFC 5737), so samples never name a real host. */
function documentationIp(random: SampleRandom): string {
  return `${random.pick(['192.0.2', '198.51.100', '203.0.113'])}.${random.int(1, 254)}`;
}

/** Postal's server token (the bounce address's local part): 6 letters, the middle four upper case. */
function serverToken(random: SampleRandom): string {
  return `${random.chars(1, LETTERS)}${random.chars(4, UPPER_LETTERS)}${random.chars(1, LETTERS)}`;
}

/** A Postfix-style Message-ID of a bounce, dated at the bounce's time. */
function bounceMessageId(kit: SampleKit): string {
  const stamp = new Date(kit.triggeredAt * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}.${kit.random.chars(11, HEX_UPPER)}@mx1.example.net`;
}

export const MESSAGE_BOUNCED_VARIANTS: readonly SampleVariant<'MessageBounced'>[] = [
  sampleVariant(
    'MessageBounced',
    { name: 'default', label: 'Bounce (null-sender DSN)', description: 'A delivery status notification came back for an earlier outgoing message.' },
    (kit) => ({
      original_message: buildMessage(kit, { ageSeconds: 211 }),
      bounce: buildMessage(kit, {
        direction: 'incoming',
        message_id: bounceMessageId(kit),
        to: `${serverToken(kit.random)}@psrp.acme.example`,
        from: null,
        subject: 'Undelivered Mail Returned to Sender',
        tag: null,
        ageSeconds: 0.37,
      }),
    }),
  ),
];

function clickVariant(name: string, label: string, description: string, userAgent: string | null): SampleVariant<'MessageLinkClicked'> {
  return sampleVariant('MessageLinkClicked', { name, label, description }, (kit) => {
    const payload: MessageLinkClicked = {
      message: buildMessage(kit, { ageSeconds: 7640 }),
      url: 'https://acme.example/orders/1042/track?utm_source=postal&utm_medium=email',
      token: token(kit, 'link'),
      ip_address: documentationIp(kit.random),
      user_agent: userAgent,
    };
    return inVersionOrder(kit, payload);
  });
}

export const MESSAGE_LINK_CLICKED_VARIANTS: readonly SampleVariant<'MessageLinkClicked'>[] = [
  clickVariant('default', 'Link clicked', 'The recipient clicked a tracked link in a desktop browser.', CHROME_MAC),
  clickVariant('no-user-agent', 'Link clicked, no User-Agent', 'A client that sent no User-Agent header followed a tracked link.', null),
];

export const MESSAGE_LOADED_VARIANTS: readonly SampleVariant<'MessageLoaded'>[] = [
  sampleVariant('MessageLoaded', { name: 'default', label: 'Opened (image proxy)', description: "Gmail's image proxy loaded the open-tracking pixel for the recipient." }, (kit) => {
    const payload: MessageLoaded = {
      message: buildMessage(kit, { ageSeconds: 6520 }),
      ip_address: `66.249.84.${kit.random.int(1, 254)}`,
      user_agent: GOOGLE_IMAGE_PROXY,
    };
    return inVersionOrder(kit, payload);
  }),
];
