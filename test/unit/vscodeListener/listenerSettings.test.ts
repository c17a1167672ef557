import * as assert from 'node:assert/strict';
import { DEFAULT_MAX_MB, DEFAULT_MAX_RECORDS } from '../../../src/core/store';
import { readListenerSettings, RESTRICTED_SETTINGS, SETTING, SETTING_LIMITS, type SettingId } from '../../../src/vscode/listener/listenerSettings';
import { appendixA } from '../helpers/fixtures';
import { MANIFEST, settingsOf } from '../helpers/manifest';

type Property = { default?: unknown; minimum?: number; maximum?: number; markdownDescription?: string; enum?: string[] };
const manifest = MANIFEST as { capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } } };
const properties: Record<string, Property> = settingsOf(MANIFEST);

function read(values: Partial<Record<SettingId, unknown>>) {
  return readListenerSettings((id) => values[id]);
}

describe('listener settings', () => {
  it('declares exactly the settings the code reads, each explained', () => {
    const declared = Object.keys(properties).filter((id) => /^postalWebhooks\.(listener|signature|history)\./.test(id)).sort();
    assert.deepEqual(declared, Object.values(SETTING).sort());
    for (const id of declared) assert.ok((properties[id].markdownDescription ?? '').length > 40, id);
  });

  it('uses the same defaults and limits as the manifest', () => {
    const defaults = read({});
    assert.equal(properties[SETTING.host].default, defaults.options.host);
    assert.equal(properties[SETTING.port].default, defaults.options.port);
    assert.equal(properties[SETTING.maxEvents].default, defaults.maxEvents);
    assert.equal(defaults.maxEvents, DEFAULT_MAX_RECORDS);
    assert.equal(properties[SETTING.maxSizeMB].default, defaults.maxSizeMB);
    assert.equal(defaults.maxSizeMB, DEFAULT_MAX_MB);
    for (const [name, limits] of Object.entries(SETTING_LIMITS)) {
      const id = SETTING[name as keyof typeof SETTING];
      assert.deepEqual([properties[id].minimum, properties[id].maximum], [limits.min, limits.max], id);
    }
    assert.deepEqual(properties[SETTING.responseMode].enum, ['fixed', 'mirror']);
  });

  it('keeps what starts a server or sends data elsewhere out of untrusted workspaces', () => {
    for (const id of RESTRICTED_SETTINGS) assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(id), id);
  });

  it('listens on 127.0.0.1:8789, any path, answering 200, with no key and inbound e-mail up to 25 MB by default', () => {
    const settings = read({});
    assert.deepEqual(settings.options, {
      host: '127.0.0.1',
      port: 8789,
      response: { type: 'fixed', status: 200, delayMs: 0 },
      rejectUnsigned: false,
      allowedHosts: [],
      unverifiedLimits: { requests: 60, bytes: 5 * 1024 * 1024 },
      keepSecrets: false,
      maxInboundBodyBytes: 25 * 1024 * 1024,
    });
    assert.deepEqual([settings.key, settings.autoStart, settings.problems], [{ status: 'none' }, false, []]);
  });

  it('reads every value into listener options', () => {
    const settings = read({
      [SETTING.host]: '0.0.0.0',
      [SETTING.port]: 9000,
      [SETTING.path]: '/webhooks/postal',
      [SETTING.responseStatus]: 503,
      [SETTING.responseDelayMs]: 6000,
      [SETTING.rejectUnsigned]: true,
      [SETTING.forwardUrl]: 'http://localhost:3000/hooks',
      [SETTING.forwardTimeoutMs]: 2000,
      [SETTING.maxInboundBodyMB]: 40,
      [SETTING.autoStart]: true,
      [SETTING.allowedHosts]: [' abc.trycloudflare.com ', '*.ngrok-free.app', 'localhost:9000'],
      [SETTING.unverifiedPerMinute]: 10,
      [SETTING.unverifiedKBPerMinute]: 64,
      [SETTING.keepSecrets]: true,
    });
    assert.deepEqual(settings.options, {
      host: '0.0.0.0',
      port: 9000,
      requiredPath: '/webhooks/postal',
      response: { type: 'fixed', status: 503, delayMs: 6000 },
      rejectUnsigned: true,
      forward: { url: 'http://localhost:3000/hooks', timeoutMs: 2000 },
      allowedHosts: ['abc.trycloudflare.com', '*.ngrok-free.app', 'localhost:9000'],
      unverifiedLimits: { requests: 10, bytes: 64 * 1024 },
      keepSecrets: true,
      maxInboundBodyBytes: 40 * 1024 * 1024,
    });
    assert.equal(settings.autoStart, true);
    assert.deepEqual(read({ [SETTING.responseMode]: 'mirror', [SETTING.forwardUrl]: 'http://localhost:3000/' }).options.response, { type: 'mirror' });
  });

  it('names each bad value and says what to use instead', () => {
    const problems = (values: Partial<Record<SettingId, unknown>>): string[] => read(values).problems.map((problem) => problem.message);
    assert.deepEqual(problems({ [SETTING.port]: 70000 }), ['postalWebhooks.listener.port is 70000: use a whole number from 1 to 65535.']);
    assert.match(problems({ [SETTING.port]: '8789' })[0], /port is "8789": use a whole number/);
    assert.match(problems({ [SETTING.host]: 'my host' })[0], /host is "my host": use 127\.0\.0\.1/);
    assert.match(problems({ [SETTING.path]: 'hooks' })[0], /path is "hooks": use a path starting with "\/"/);
    assert.match(problems({ [SETTING.forwardUrl]: 'localhost:3000' })[0], /forwardUrl is "localhost:3000": use your app's full http:\/\/ or https:\/\/ URL/);
    assert.match(problems({ [SETTING.responseMode]: 'mirror' })[0], /"mirror".*forwardUrl is empty/);
    assert.match(problems({ [SETTING.responseMode]: 'echo' })[0], /responseMode is "echo": use "fixed" or "mirror"/);
    assert.match(problems({ [SETTING.responseStatus]: 100 })[0], /responseStatus is 100: use a whole number from 200 to 599/);
    assert.deepEqual(problems({ [SETTING.maxInboundBodyMB]: 0 }), ['postalWebhooks.listener.maxInboundBodyMB is 0: use a whole number from 1 to 1024 MB.']);
    assert.match(problems({ [SETTING.maxEvents]: 5 })[0], /maxEvents is 5: use a whole number from 10 to 100000/);
    assert.match(problems({ [SETTING.maxSizeMB]: 0.5 })[0], /maxSizeMB is 0\.5: use a whole number from 1 to 10000 MB/);
    assert.match(problems({ [SETTING.allowedHosts]: ['abc.example', 'not a host'] })[0], /allowedHosts: "not a host" is not a host name: write it like abc\.trycloudflare\.com/);
    assert.match(problems({ [SETTING.allowedHosts]: 'abc.example' })[0], /allowedHosts: it is not a list/);
    assert.match(problems({ [SETTING.unverifiedPerMinute]: -1 })[0], /unverifiedPerMinute is -1: use a whole number from 0 to 100000/);
  });

  it('reads the public key in any form and says why an unusable one is unusable', () => {
    const { dns, jwks } = appendixA();
    const fromDns = read({ [SETTING.publicKey]: dns }).key;
    assert.equal(fromDns.status, 'ok');
    assert.match(fromDns.status === 'ok' ? fromDns.summary : '', /^[0-9a-f]{8}… \(DNS record\)$/);
    const fromJwks = read({ [SETTING.publicKey]: jwks }).key;
    assert.match(fromJwks.status === 'ok' ? fromJwks.summary : '', /\(JWKS\)$/);
    const broken = read({ [SETTING.publicKey]: '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----' }).key;
    assert.match(broken.status === 'invalid' ? broken.message : '', /This is a private key/);
  });
});
