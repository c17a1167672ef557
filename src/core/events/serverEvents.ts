import * as z from 'zod/mini';
import { onFirstUse } from '../onFirstUse';
import { documented } from './documented';
import { DOMAIN_DNS_ERROR_DOCS as DNS, SEND_LIMIT_DOCS as LIMIT } from './fieldDocs';
import { countSchema, looseObject, nullableString, unixTimeSchema, uuidSchema } from './primitives';
import { serverSchema } from './server';

export const DNS_STATUSES = ['OK', 'Missing', 'Invalid'] as const;
export type DnsStatus = (typeof DNS_STATUSES)[number];

/** `HasDNSChecks#check_dns` (reference §3.6): one status and one error per record checked. */
export const domainDnsErrorSchema = onFirstUse(() => looseObject({
  server: documented(serverSchema(), DNS.server),
  domain: documented(z.string(), DNS.domain),
  uuid: documented(uuidSchema(), DNS.uuid),
  dns_checked_at: documented(unixTimeSchema(), DNS.dns_checked_at),
  spf_status: documented(z.enum(DNS_STATUSES), DNS.spf_status),
  spf_error: documented(nullableString(), DNS.spf_error),
  dkim_status: documented(z.enum(DNS_STATUSES), DNS.dkim_status),
  dkim_error: documented(nullableString(), DNS.dkim_error),
  mx_status: documented(z.enum(DNS_STATUSES), DNS.mx_status),
  mx_error: documented(nullableString(), DNS.mx_error),
  return_path_status: documented(z.enum(DNS_STATUSES), DNS.return_path_status),
  return_path_error: documented(nullableString(), DNS.return_path_error),
}));
export type DomainDNSError = z.infer<ReturnType<typeof domainDnsErrorSchema>>;

/** `Server#send_limit_warning` (reference §3.7): the same payload for both events. */
function sendLimitPayloadSchema() {
  return looseObject({
    server: documented(serverSchema(), LIMIT.server),
    volume: documented(countSchema(), LIMIT.volume),
    limit: documented(countSchema(), LIMIT.limit),
  });
}

export const sendLimitApproachingSchema = onFirstUse(sendLimitPayloadSchema);
export type SendLimitApproaching = z.infer<ReturnType<typeof sendLimitApproachingSchema>>;

export const sendLimitExceededSchema = onFirstUse(sendLimitPayloadSchema);
export type SendLimitExceeded = z.infer<ReturnType<typeof sendLimitExceededSchema>>;
