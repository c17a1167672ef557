import { type LintRule, type RuleContext } from '../rule';
import { headRange } from '../locate';
import { fixes, inPayload, rangeOfValue, setValueFix, stringAt, valueIn } from './support';

const CHECKS = ['spf', 'dkim', 'mx', 'return_path'] as const;
type Check = (typeof CHECKS)[number];

/** The texts Postal writes for a failed check (reference §3.6), for filling in a missing one. */
function postalError(check: Check, status: string, domain: string): string {
  const texts: Record<Check, Record<string, string>> = {
    spf: { Missing: 'No SPF record exists for this domain', Invalid: "An SPF record exists but it doesn't include spf.postal.example.com" },
    dkim: {
      Missing: `No TXT records were returned for postal-KQZBRT._domainkey.${domain}`,
      Invalid: `The DKIM record at postal-KQZBRT._domainkey.${domain} does not match the record we have provided. Please check it has been copied correctly.`,
    },
    mx: { Missing: `There are no MX records for ${domain}`, Invalid: 'You have MX records but none of them point to us.' },
    return_path: {
      Missing: `There is no return path record at psrp.${domain}`,
      Invalid: `There is a CNAME record at psrp.${domain} but it points to old-rp.example.net which is incorrect. It should point to rp.postal.example.com.`,
    },
  };
  return texts[check][status] ?? texts[check].Invalid;
}

/**
 * Postal's DNS check writes an error text exactly when a status is not OK, and sends
 * DomainDNSError only when SPF or DKIM fails or MX / return path is Invalid: a Missing MX or
 * return path alone does not trigger it.
 */
export const dnsStatusError: LintRule = {
  id: 'postal/dns-status-error',
  defaultSeverity: 'error',
  description: 'DNS statuses and errors Postal cannot produce together (OK with an error, a failure without one, nothing wrong at all).',
  check(context) {
    if (context.event !== 'DomainDNSError') return;
    const domain = stringAt(context, inPayload(context, 'domain')) ?? 'example.com';
    const statuses = new Map<Check, string>();
    for (const check of CHECKS) {
      const status = stringAt(context, inPayload(context, `${check}_status`));
      if (status === undefined) continue;
      statuses.set(check, status);
      checkPair(context, check, status, domain);
    }
    if (statuses.size === CHECKS.length) checkTrigger(context, statuses);
  },
};

function checkPair(context: RuleContext, check: Check, status: string, domain: string): void {
  const errorPath = inPayload(context, `${check}_error`);
  const error = valueIn(context, errorPath);
  if (status === 'OK' && typeof error === 'string') {
    context.report({
      range: rangeOfValue(context, errorPath),
      path: errorPath,
      message: `${check}_status is "OK", so Postal sends ${check}_error: null`,
      fixes: fixes(setValueFix(context, errorPath, null, `Set ${check}_error to null`)),
    });
  } else if (status !== 'OK' && error === null) {
    const text = postalError(check, status, domain);
    context.report({
      range: rangeOfValue(context, errorPath),
      path: errorPath,
      message: `${check}_status is "${status.slice(0, 20)}", and Postal always explains a failed check in ${check}_error`,
      fixes: fixes(setValueFix(context, errorPath, text, `Fill in Postal's text: "${text.slice(0, 50)}${text.length > 50 ? '…' : ''}"`)),
    });
  }
}

function checkTrigger(context: RuleContext, statuses: Map<Check, string>): void {
  const failed = (check: Check) => statuses.get(check) !== 'OK';
  const triggers = failed('spf') || failed('dkim') || statuses.get('mx') === 'Invalid' || statuses.get('return_path') === 'Invalid';
  if (triggers) return;
  const allOk = CHECKS.every((check) => !failed(check));
  const message = allOk
    ? 'All four DNS checks are OK, but Postal sends DomainDNSError only when something is wrong'
    : 'Postal does not send DomainDNSError for a Missing MX or return-path record alone: SPF or DKIM must fail, or MX / return path be Invalid';
  context.report({ range: headRange(context.tree(), context.payloadPath) ?? { offset: 0, length: 1 }, message });
}
