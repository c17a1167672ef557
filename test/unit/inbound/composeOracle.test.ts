import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { composeFromEml, type EmlOptions } from '../../../src/core/inbound/composeFromEml';
import { encodeInbound } from '../../../src/core/inbound/encodeInbound';
import { type InboundEncoding, type InboundFormat } from '../../../src/core/inbound/inboundFormat';
import { fixturePath } from '../helpers/fixtures';
import { languageRuntimes } from '../helpers/languageRuntimes';
import { SAMPLE_ROW, sampleRequest, sampleStoredMessage, sentEmails } from './inboundFixtures';

interface Case {
  label: string;
  eml: Buffer;
  options: EmlOptions;
}

const COMBINATIONS: readonly [InboundFormat, InboundEncoding][] = [['hash', 'json'], ['hash', 'form'], ['raw', 'json'], ['raw', 'form']];
const ROW = { id: 90210, token: 'Zk3pQ8vN2xLm5RtY', timestamp: 1714550400.125, spamStatus: 'NotSpam', bounce: false, receivedWithSsl: true } as const;

function cases(): Case[] {
  const list: Case[] = COMBINATIONS.map(([format, encoding]) => ({ label: `the reference e-mail, ${format}/${encoding}`, eml: sampleStoredMessage(), options: { format, encoding, asStored: true, ...SAMPLE_ROW } }));
  for (const { name, bytes } of sentEmails()) {
    for (const [format, encoding] of COMBINATIONS) list.push({ label: `${name}, ${format}/${encoding}`, eml: bytes, options: { format, encoding, ...ROW } });
  }
  list.push({ label: 'nested-attachments.eml without attachment data', eml: sentEmails().find((email) => email.name === 'nested-attachments.eml')?.bytes ?? Buffer.alloc(0), options: { format: 'hash', encoding: 'json', includeAttachments: false, ...ROW } });
  return list;
}

/**
 * The bodies of the same messages made by Ruby: the Mail gem reads each stored message, the
 * json gem and URI.encode_www_form write it, Base64.encode64 encodes (test/fixtures/inbound/postal_hash_oracle.rb).
 */
function rubyBodies(input: { stored: string; row: unknown; format: InboundFormat; encoding: InboundEncoding; includeAttachments: boolean }[]): string[] {
  const { ruby } = languageRuntimes();
  const result = spawnSync(ruby, [fixturePath('inbound', 'postal_hash_oracle.rb')], { input: JSON.stringify({ cases: input }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`the Ruby oracle failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}

describe('inbound requests composed from e-mails, against Ruby', function () {
  this.timeout(120_000);

  it("match what Ruby's Mail gem, JSON, URI.encode_www_form and Base64.encode64 make of the same stored messages, in all four combinations", async () => {
    const all = cases();
    const ours = await Promise.all(all.map(async (entry) => ({ entry, composed: await composeFromEml(entry.eml, entry.options) })));
    const expected = rubyBodies(
      ours.map(({ entry, composed }) => ({ stored: composed.stored.toString('base64'), row: composed.row, format: entry.options.format, encoding: entry.options.encoding, includeAttachments: entry.options.includeAttachments ?? true })),
    );
    const mismatches = ours.flatMap(({ entry, composed }, index) => {
      const body = encodeInbound(composed.payload, entry.options.encoding).body.toString('utf8');
      return body === expected[index] ? [] : [`${entry.label}:\n  ours: ${body.slice(0, 2000)}\n  Ruby: ${expected[index].slice(0, 2000)}`];
    });
    assert.deepEqual(mismatches, []);
    assert.equal(expected[0], sampleRequest().body.toString('utf8'), "Ruby's Hash/JSON of the reference e-mail is Postal's own body");
  });
});
