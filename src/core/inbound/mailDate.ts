const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** RFC 2822's obsolete zone names, as offsets in minutes. */
const ZONES: Readonly<Record<string, number>> = { UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

const RFC2822 = /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?/;
const ISO8601 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

/**
 * A `Date` header as the Mail gem's `decoded` gives it, which is what Postal puts in `date`:
 * re-written as `Tue, 30 Apr 2024 10:15:00 +0100` in the header's own offset (weekday from the
 * date, seconds filled in, two-digit years in 20xx, zone names as offsets, `-0000` as `+0000`),
 * or `""` when it is not a date. `null` stays `null` (no header).
 */
export function mailDate(header: string | null): string | null {
  if (header === null) return null;
  const parts = parseDate(header.trim());
  return parts === undefined ? '' : formatDate(parts);
}

function parseDate(text: string): DateParts | undefined {
  const rfc = RFC2822.exec(text);
  if (rfc !== null) {
    const month = MONTHS.indexOf(rfc[2].toLowerCase());
    const offset = zoneOffset(rfc[7] ?? '+0000');
    if (month === -1 || offset === undefined) return undefined;
    const year = Number(rfc[3]);
    return { year: rfc[3].length <= 2 ? 2000 + year : year, month, day: Number(rfc[1]), hour: Number(rfc[4]), minute: Number(rfc[5]), second: Number(rfc[6] ?? 0), offsetMinutes: offset };
  }
  const iso = ISO8601.exec(text);
  if (iso === null) return undefined;
  const offset = zoneOffset((iso[7] ?? '+0000').replace(':', ''));
  if (offset === undefined) return undefined;
  return { year: Number(iso[1]), month: Number(iso[2]) - 1, day: Number(iso[3]), hour: Number(iso[4]), minute: Number(iso[5]), second: Number(iso[6] ?? 0), offsetMinutes: offset };
}

function zoneOffset(zone: string): number | undefined {
  const numeric = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  if (numeric !== null) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  const upper = zone.toUpperCase();
  return Object.hasOwn(ZONES, upper) ? ZONES[upper] : undefined;
}

function formatDate(parts: DateParts): string | null {
  // The local time as a UTC date, only to get the weekday and normalise overflowing fields.
  const local = new Date(Date.UTC(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second));
  if (Number.isNaN(local.getTime())) return '';
  const two = (value: number): string => String(value).padStart(2, '0');
  const sign = parts.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(parts.offsetMinutes);
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  const date = `${DAYS[local.getUTCDay()]}, ${two(local.getUTCDate())} ${MONTHS[local.getUTCMonth()].replace(/^./, (first) => first.toUpperCase())} ${local.getUTCFullYear()}`;
  return `${date} ${time} ${sign}${two(Math.floor(offset / 60))}${two(offset % 60)}`;
}
