import * as assert from 'node:assert/strict';
import { separateReplies } from '../../../src/core/inbound/replySeparator';

/**
 * Plain bodies and what Postal 3.3.6's `ReplySeparator.separate` returned for them, run in Ruby
 * (`[plain_body, replies_from_plain_body]`).
 */
const CASES: [string, string, string | null][] = [
  ['Thanks, the parcel arrived safely. Café & co.\r\n\r\nOn Mon, 29 Apr 2024 at 09:00, Example Shop <orders@example.com> wrote:\r\n> Your order #1234 has shipped.\r\n', 'Thanks, the parcel arrived safely. Café & co.', 'On Mon, 29 Apr 2024 at 09:00, Example Shop <orders@example.com> wrote:\n> Your order #1234 has shipped.'],
  ['Hello\n-- \nJohn\nCEO', 'Hello', '-- \nJohn\nCEO'],
  ['Reply here\n\n-----Original Message-----\nFrom: a\nSent: b\n\nold', 'Reply here', '-----Original Message-----\nFrom: a\nSent: b\n\nold'],
  ['Top\nFrom: Someone <a@b>\nDate: Mon\nSubject: x\n\nquoted', 'Top', 'From: Someone <a@b>\nDate: Mon\nSubject: x\n\nquoted'],
  ['Bonjour\n\nLe lun. 29 avr. 2024 à 09:00, Bob <b@c> a écrit :\n\n> salut\n', 'Bonjour\n\n> salut', 'Le lun. 29 avr. 2024 à 09:00, Bob <b@c> a écrit :'],
  ['ok\n\nSent from my iPhone', 'ok', 'Sent from my iPhone'],
  ['a\n>1\n>2\n>3\n>4\n>5\n>6\n>7\n>8\n>9\n>10\nb', 'a\nb', '>1\n>2\n>3\n>4\n>5\n>6\n>7\n>8\n>9\n>10'],
  ['=== Please reply above this line ===\nold stuff', '', '=== Please reply above this line ===\nold stuff'],
  ['x\n__________________\nsig', 'x', '__________________\nsig'],
  ['plain text only', 'plain text only', null],
  ['Hi\nOn Tuesday\nsomething long enough wrote:\n> q', 'Hi', 'On Tuesday\nsomething long enough wrote:\n> q'],
  ['Mit freundlichen\n-----Ursprüngliche Nachricht----- \nVon: x', 'Mit freundlichen', '-----Ursprüngliche Nachricht----- \nVon: x'],
  ['  \n\n  ', '', null],
];

describe("Postal's strip replies", () => {
  it('cuts what Postal cuts, and keeps what it keeps', () => {
    for (const [plain, body, replies] of CASES) assert.deepEqual(separateReplies(plain), { plainBody: body, replies }, JSON.stringify(plain));
  });

  it('gives an empty body and no replies for a message without a plain part, as Postal does', () => {
    assert.deepEqual(separateReplies(null), { plainBody: '', replies: null });
  });
});
