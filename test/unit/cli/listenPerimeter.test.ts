import * as assert from 'node:assert/strict';
import { postalBody } from '../helpers/bodies';
import { runCli, startCli } from '../helpers/cliProcess';
import { sendRaw } from '../helpers/rawRequest';

describe('postal-webhooks listen: who may send', () => {
  it('lets in the Hosts given with --allowed-host, refuses others and browsers, and says so', async () => {
    const cli = await startCli(['--allowed-host', 'abc.trycloudflare.com', '--allowed-host', '*.ngrok-free.app']);
    try {
      const port = Number(new URL(cli.url).port);
      const post = (headers: Record<string, string>): Promise<number> => sendRaw(port, { headers: { 'Content-Type': 'application/json', ...headers }, body: postalBody() }).then((answer) => answer.status);
      assert.equal(await post({ Host: 'abc.trycloudflare.com' }), 200);
      assert.equal(await post({ Host: 'x.ngrok-free.app' }), 200);
      assert.equal(await post({ Host: 'evil.example' }), 403);
      assert.equal(await post({ Host: `127.0.0.1:${port}`, Origin: 'https://evil.example' }), 403);
      while (!cli.output().includes('refused POST from 127.0.0.1 (403')) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      cli.child.kill('SIGINT');
    }
    assert.equal(await cli.closed, 0);
    const output = cli.output();
    assert.match(output, /Also accepting requests for: abc\.trycloudflare\.com, \*\.ngrok-free\.app/);
    assert.match(output, /warning: refused POST from 127\.0\.0\.1 for Host "evil\.example" \(403, not stored\).*--allowed-host evil\.example\)/);
    assert.equal(output.split('\n').filter((line) => / {2}POST \/ {2}MessageSent /.test(line)).length, 2, 'two requests kept, two refused');
  });

  it('rejects an --allowed-host that names no host and a bad budget, with the usage', async () => {
    const host = await runCli(['listen', '--allowed-host', 'not a host']);
    assert.equal(host.code, 2);
    assert.match(host.stderr, /--allowed-host: "not a host" is not a host name/);
    const budget = await runCli(['listen', '--unverified-per-minute', 'lots']);
    assert.equal(budget.code, 2);
    assert.match(budget.stderr, /--unverified-per-minute must be a whole number from 0 to 1000000/);
  });
});
