import * as assert from 'node:assert/strict';
import { mailDate } from '../../../src/core/inbound/mailDate';

/** Date headers and what the Mail gem's `decoded` made of them, in Ruby. */
const CASES: [string, string][] = [
  ['Tue, 30 Apr 2024 10:15:00 +0100', 'Tue, 30 Apr 2024 10:15:00 +0100'],
  ['30 Apr 2024 10:15 +0100', 'Tue, 30 Apr 2024 10:15:00 +0100'],
  ['Tue, 30 Apr 2024 10:15:00 GMT', 'Tue, 30 Apr 2024 10:15:00 +0000'],
  ['Tue, 30 Apr 2024 10:15:00 -0000', 'Tue, 30 Apr 2024 10:15:00 +0000'],
  ['Tue, 30 Apr 2024 10:15:00 EST', 'Tue, 30 Apr 2024 10:15:00 -0500'],
  ['Tue, 30 Apr 24 10:15:00 +0100', 'Tue, 30 Apr 2024 10:15:00 +0100'],
  ['Tue,  3 Apr 2024 1:05:09 +0530 (IST)', 'Wed, 03 Apr 2024 01:05:09 +0530'],
  ['Mon, 30 Apr 2024 10:15:00 +0100', 'Tue, 30 Apr 2024 10:15:00 +0100'],
  ['garbage', ''],
  ['2024-04-30T10:15:00Z', 'Tue, 30 Apr 2024 10:15:00 +0000'],
  ['Tue, 30 Apr 2024 10:15:00 PDT', 'Tue, 30 Apr 2024 10:15:00 -0700'],
];

describe('Date headers as the Mail gem renders them', () => {
  it('rewrites each date as Postal sends it, and an unreadable one as ""', () => {
    for (const [header, decoded] of CASES) assert.equal(mailDate(header), decoded, header);
    assert.equal(mailDate(null), null);
  });
});
