import * as assert from 'node:assert/strict';
import { chooseWebhookUrl, reachabilityHelp, type TestedUrl } from '../../../src/vscode/listener/reachabilityHelp';

const direct = 'http://127.0.0.1:8790/';
const forwarded = 'http://127.0.0.1:8765/proxy/8790/';
const reached = (url: string): TestedUrl['result'] => ({ url, reached: true, detail: 'a test POST reached the listener (2 ms)' });
const refused = (url: string): TestedUrl['result'] => ({ url, reached: false, detail: 'a test POST was answered 405 (Unsupported method POST) by something other than the listener' });

describe('which webhook URL is offered', () => {
  it('offers the forwarded URL when a test POST through it reached the listener', () => {
    const choice = chooseWebhookUrl([{ url: forwarded, via: 'forwarded', result: reached(forwarded) }, { url: direct, via: 'direct', result: reached(direct) }], true);
    assert.deepEqual(choice, { url: forwarded, note: 'Tested: a POST to it reaches the listener.' });
  });

  it('falls back to the direct URL, saying why, when the forwarded one refuses POST', () => {
    const choice = chooseWebhookUrl([{ url: forwarded, via: 'forwarded', result: refused(forwarded) }, { url: direct, via: 'direct', result: reached(direct) }], true);
    assert.equal(choice.url, direct);
    assert.match(choice.note, /forwarded URL http:\/\/127\.0\.0\.1:8765\/proxy\/8790\/ does not reach the listener \(a test POST was answered 405/);
  });

  it('says when nothing reached the listener, or nothing could be tested', () => {
    assert.match(chooseWebhookUrl([{ url: direct, via: 'direct', result: refused(direct) }], true).note, /did not reach the listener: a test POST was answered 405/);
    assert.match(chooseWebhookUrl([{ url: direct, via: 'direct' }], false).note, /not running, so the URL is not tested/);
  });

  it('lists each URL on the help page with what its test found', () => {
    const page = reachabilityHelp([{ url: forwarded, via: 'forwarded', result: refused(forwarded) }, { url: direct, via: 'direct', result: reached(direct) }]);
    assert.ok(page.includes(`- ✗ \`${forwarded}\` (through VS Code's port forwarding): a test POST was answered 405`), page);
    assert.ok(page.includes(`- ✓ \`${direct}\` (on this machine): a test POST reached the listener (2 ms)`));
    assert.ok(page.includes('cloudflared tunnel --url http://127.0.0.1:8790/'));
    assert.ok(reachabilityHelp([{ url: direct, via: 'direct' }]).includes('not tested, the listener is not running'));
  });
});
