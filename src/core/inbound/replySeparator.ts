/**
 * What an endpoint with *strip replies* does to `plain_body` (`app/lib/reply_separator.rb`):
 * carriage returns go, then each of Postal's patterns (signature marker, "Original Message",
 * "From: … Sent:", "On … wrote:", "Sent from my…", ten quoted lines, …) is cut out in turn.
 * The cut parts, newest rule first, become `replies_from_plain_body`; what is left, `plain_body`.
 *
 * The patterns are Ruby regular expressions written for JavaScript: Ruby's `^`/`$` always match
 * at line breaks (flag `m` here), its `/m` lets `.` match a newline (flag `s` here), and its `\s`
 * is ASCII whitespace only (`[ \t\n\v\f\r]` here, not JavaScript's Unicode `\s`).
 */
const S = '[ \\t\\n\\v\\f\\r]';
const RULES: readonly RegExp[] = [
  new RegExp('^-{2,10} $.*', 'gms'),
  new RegExp(`^>*${S}*----- ?Original Message ?-----.*`, 'gms'),
  new RegExp(`^>*${S}*From:[^\\r\\n]*[\\r\\n]+Sent:.*`, 'gms'),
  new RegExp(`^>*${S}*From:[^\\r\\n]*[\\r\\n]+Date:.*`, 'gms'),
  new RegExp(`^>*${S}*-----Urspr.ngliche Nachricht----- .*`, 'gms'),
  new RegExp(`^>*${S}*Le[^\\r\\n]{10,200}a .crit ?:${S}*$.*`, 'gm'),
  new RegExp(`^>*${S}*__________________.*`, 'gms'),
  new RegExp(`^>*${S}*On.{10,200}wrote:${S}*$.*`, 'gms'),
  new RegExp(`^>*${S}*Sent from my.*`, 'gms'),
  new RegExp(`^>*${S}*=== Please reply above this line ===.*`, 'gms'),
  new RegExp('(^>.*\\n?){10,}', 'gm'),
];

/** Ruby's `String#strip`: ASCII whitespace and NUL at both ends. */
function rubyStrip(text: string): string {
  return text.replace(/^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g, '');
}

/**
 * `ReplySeparator.separate(plain_body)`: the new text and the replies cut out of it (null when
 * nothing was cut). A message without a plain body gives `""` and null, as in Postal.
 */
export function separateReplies(plainBody: string | null): { plainBody: string; replies: string | null } {
  if (plainBody === null) return { plainBody: '', replies: null };
  let text = plainBody.replace(/\r/g, '');
  let stripped = '';
  for (const rule of RULES) {
    text = text.replace(rule, (match) => {
      stripped = `${match}\n${stripped}`;
      return '';
    });
  }
  const replies = rubyStrip(stripped);
  return { plainBody: rubyStrip(text), replies: replies === '' ? null : replies };
}
