import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { decodeFormComponent, encodeForm, encodeFormComponent, formToObject, parseFormPairs, readFormBody } from '../../../src/core/inbound/formBody';
import { typedFormValue } from '../../../src/core/inbound/formTypes';
import { inboundHashSample } from '../../../src/core/inbound/inboundSamples';
import { languageRuntimes } from '../helpers/languageRuntimes';

describe('inbound form bodies', function () {
  this.timeout(30_000);

  it("encode each value as Ruby's URI.encode_www_form_component does", () => {
    const samples = ['plain', 'a b+c', 'Café & co.\r\n', '*-._~!\'()', 'e-mail@example.com', '€ 😀', '%41', '', 'a=b&c=d', '[0]'];
    const ruby = spawnSync(languageRuntimes().ruby, ['-ruri', '-rjson', '-e', 'puts JSON.generate(JSON.parse($stdin.read).map { |s| URI.encode_www_form_component(s) })'], { input: JSON.stringify(samples), encoding: 'utf8' });
    assert.equal(ruby.status, 0, ruby.stderr);
    assert.deepEqual(samples.map(encodeFormComponent), JSON.parse(ruby.stdout));
    for (const text of samples) assert.equal(decodeFormComponent(encodeFormComponent(text)), text);
  });

  it("writes nil as a bare key, an array as a repeated key and attachments flattened, as Postal's set_form_data does", () => {
    const body = encodeForm({ id: 7, cc: null, timestamp: 1714468502, reply_to: ['a <a@x>', 'b@x'], bounce: false, attachments: [{ filename: 'a.txt', size: '3', data: 'YWJj\n' }] }, (key) => key === 'timestamp');
    assert.equal(body, 'id=7&cc&timestamp=1714468502.0&reply_to=a+%3Ca%40x%3E&reply_to=b%40x&bounce=false&attachments%5B0%5D%5Bfilename%5D=a.txt&attachments%5B0%5D%5Bsize%5D=3&attachments%5B0%5D%5Bdata%5D=YWJj%0A');
  });

  it('reads a form back into the object it stands for: bare keys null, repeated keys arrays, attachments rebuilt', () => {
    const object = formToObject(parseFormPairs('id=7&cc&reply_to=a&reply_to=b&&attachments%5B1%5D%5Bfilename%5D=b.txt&attachments%5B0%5D%5Bfilename%5D=a.txt&subject='));
    assert.deepEqual(object, { id: '7', cc: null, reply_to: ['a', 'b'], attachments: [{ filename: 'a.txt' }, { filename: 'b.txt' }], subject: '' });
  });

  it('keeps crafted keys harmless: __proto__ is data, a huge attachment index stays a plain key, bad escapes stay as written', () => {
    const object = formToObject(parseFormPairs('__proto__=x&attachments%5B999999%5D%5Bdata%5D=y&note=100%&bad=%C3%28'));
    assert.equal(object.bad, '\ufffd(');
    assert.equal(decodeFormComponent(`${'%41'.repeat(1_000_000)}%ZZ`).length, 1_000_003, 'a megabyte of escapes with a bad one decodes without throwing');
    assert.equal(Object.getPrototypeOf(object), Object.prototype);
    assert.equal(object.__proto__, 'x');
    assert.equal(object['attachments[999999][data]'], 'y');
    assert.equal(object.note, '100%');
  });

  it('recognises a Hash sent as a form and types its fields as JSON would have them', () => {
    const sample = inboundHashSample();
    const read = readFormBody(encodeForm(sample, (key) => key === 'timestamp'));
    assert.equal(read.format, 'hash');
    const typed = typedFormValue(read.value, 'hash');
    assert.deepEqual(typed, { ...sample, attachments: [{ filename: 'test.txt', content_type: 'text/plain', size: 12, data: 'SGVsbG8gd29ybGQh\n' }] });
    assert.deepEqual(typedFormValue({ reply_to: 'one@x', received_with_ssl: null, id: 'abc' }, 'hash'), { reply_to: ['one@x'], received_with_ssl: null, id: 'abc' });
  });
});
