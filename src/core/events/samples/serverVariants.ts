import { type DomainDNSError } from '../serverEvents';
import { buildServer, type SampleKit, type SampleVariant, sampleVariant, secondsBefore } from './sampleKit';

type DnsResults = Pick<
  DomainDNSError,
  'spf_status' | 'spf_error' | 'dkim_status' | 'dkim_error' | 'mx_status' | 'mx_error' | 'return_path_status' | 'return_path_error'
>;

function dnsVariant(name: string, label: string, description: string, results: DnsResults): SampleVariant<'DomainDNSError'> {
  return sampleVariant('DomainDNSError', { name, label, description }, (kit) => ({
    server: buildServer(kit),
    domain: 'acme.example',
    uuid: kit.random.uuid(),
    dns_checked_at: secondsBefore(kit, 0.19, 7),
    ...results,
  }));
}

export const DOMAIN_DNS_ERROR_VARIANTS: readonly SampleVariant<'DomainDNSError'>[] = [
  dnsVariant('default', 'DKIM and return path wrong', 'The hourly check found a wrong DKIM record, no MX and a misdirected return path.', {
    spf_status: 'OK',
    spf_error: null,
    dkim_status: 'Invalid',
    dkim_error:
      'The DKIM record at postal-KQZBRT._domainkey.acme.example does not match the record we have provided. Please check it has been copied correctly.',
    mx_status: 'Missing',
    mx_error: 'There are no MX records for acme.example',
    return_path_status: 'Invalid',
    return_path_error:
      'There is a CNAME record at psrp.acme.example but it points to old-rp.example.net which is incorrect. It should point to rp.postal.example.com.',
  }),
  dnsVariant('spf-missing', 'SPF record missing', 'The domain has no SPF record; everything else checks out.', {
    spf_status: 'Missing',
    spf_error: 'No SPF record exists for this domain',
    dkim_status: 'OK',
    dkim_error: null,
    mx_status: 'OK',
    mx_error: null,
    return_path_status: 'OK',
    return_path_error: null,
  }),
];

/** Postal warns from 90% of the hourly limit and reports it exceeded from 100% (reference §3.7). */
const SEND_LIMIT = 1000;

function sendLimitPayload(kit: SampleKit, minVolume: number, maxVolume: number) {
  return { server: buildServer(kit), volume: kit.random.int(minVolume, maxVolume), limit: SEND_LIMIT };
}

export const SEND_LIMIT_APPROACHING_VARIANTS: readonly SampleVariant<'SendLimitApproaching'>[] = [
  sampleVariant(
    'SendLimitApproaching',
    { name: 'default', label: 'Over 90% of the send limit', description: 'The mail server sent at least 90% of its hourly send limit in the last hour.' },
    (kit) => sendLimitPayload(kit, SEND_LIMIT * 0.9, SEND_LIMIT - 1),
  ),
];

export const SEND_LIMIT_EXCEEDED_VARIANTS: readonly SampleVariant<'SendLimitExceeded'>[] = [
  sampleVariant(
    'SendLimitExceeded',
    { name: 'default', label: 'Send limit reached', description: 'The mail server reached its hourly send limit; further outgoing mail is held.' },
    (kit) => sendLimitPayload(kit, SEND_LIMIT, SEND_LIMIT + 20),
  ),
];
