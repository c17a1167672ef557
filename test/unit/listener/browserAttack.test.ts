import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { postalBody } from '../helpers/bodies';
import { type AppServer, type Harness, startApp, startListener } from '../helpers/listenerHarness';

/** Debian's Chromium, which the VS Code harness drives too (scripts/vscode/browser.mjs). */
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * A page on another site that fires what a web page can at the listener on 127.0.0.1: a no-cors
 * fetch, a beacon, a form POST, a text/plain fetch (no preflight), a JSON fetch (preflighted),
 * and a fetch under a name of its own that resolves to 127.0.0.1 (as DNS rebinding makes it).
 */
function attackPage(listenerUrl: string, reboundUrl: string, body: string): string {
  return `<!doctype html><title>attack</title>
<iframe name="sink"></iframe>
<form id="form" method="POST" action="${listenerUrl}" enctype="text/plain" target="sink"><input name='${body.slice(0, -1)}' value='}'></form>
<script>
  const url = ${JSON.stringify(listenerUrl)};
  const body = ${JSON.stringify(body)};
  const ignore = () => undefined;
  fetch(url, { method: 'POST', mode: 'no-cors', body }).catch(ignore);
  navigator.sendBeacon(url, body);
  document.getElementById('form').submit();
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body }).catch(ignore);
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).catch(ignore);
  fetch(${JSON.stringify(reboundUrl)}, { method: 'POST', mode: 'no-cors', body }).catch(ignore);
</script>`;
}

describe('listener: a real browser page on another site cannot get anything in', function () {
  this.timeout(90_000);
  let browser: Browser | undefined;
  let site: Server | undefined;
  let app: AppServer;
  let harness: Harness;

  before(async () => {
    app = await startApp((_req, res) => res.end('the app answered'));
    harness = await startListener({ forward: { url: app.url } });
  });
  after(async () => {
    await browser?.close();
    site?.close();
    await harness.close();
    await app.close();
  });

  it('refuses fetch no-cors, sendBeacon, a form POST, text/plain and JSON fetches, and a rebound name: nothing recorded, nothing reaches the app', async () => {
    const listenerUrl = harness.url;
    const reboundUrl = `http://rebound.example:${harness.port}/`;
    const page = attackPage(listenerUrl, reboundUrl, postalBody());
    site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => site?.listen(0, '127.0.0.1', resolve));
    const sitePort = (site.address() as { port: number }).port;
    // 6 requests and the JSON fetch's preflight arrive; the JSON POST itself never leaves the browser.
    const expected = 6;
    const refused = new Promise<void>((resolve) => harness.listener.onDidRefuse(() => harness.listener.refusals.total >= expected && resolve()));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, '--host-resolver-rules=MAP attacker.example 127.0.0.1, MAP rebound.example 127.0.0.1'] });
    const tab = await browser.newPage();
    await tab.goto(`http://attacker.example:${sitePort}/`);
    await refused;
    await tab.waitForTimeout(300);
    const refusals = harness.listener.refusals;
    assert.equal(harness.store.size, 0, 'nothing recorded');
    assert.equal(app.received.length, 0, 'nothing reached the app');
    assert.equal(refusals.total, expected, JSON.stringify(refusals));
    assert.deepEqual(refusals.byReason, { browser: 5, preflight: 1 });
  });
});
