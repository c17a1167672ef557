import * as assert from 'node:assert/strict';
import { isLoopbackHost, isLoopbackUrl } from '../../../src/core/http';

describe('loopback: this machine or another', () => {
  it('tells this machine from other hosts, for untrusted workspaces', () => {
    for (const url of ['http://localhost:3000/', 'http://127.0.0.1/', 'http://127.1.2.3:8/', 'http://[::1]:8789/', 'http://app.localhost/']) assert.equal(isLoopbackUrl(url), true, url);
    for (const url of ['http://example.com/', 'http://10.0.0.1/', 'http://127.0.0.1.example.com/', 'not a url']) assert.equal(isLoopbackUrl(url), false, url);
  });

  it('knows which hosts stay on this machine', () => {
    assert.deepEqual(['127.0.0.1', '127.0.1.1', 'localhost', '::1', '0.0.0.0', '::', '192.168.1.4'].map(isLoopbackHost), [true, true, true, true, false, false, false]);
  });

  it('reads hosts as URLs give them: bracketed IPv6, any case', () => {
    assert.deepEqual(['[::1]', 'LOCALHOST', 'App.Localhost'].map(isLoopbackHost), [true, true, true]);
    assert.deepEqual(['127.0.0.1.example.com', '::', '[::]', 'localhost.example.com'].map(isLoopbackHost), [false, false, false, false]);
  });
});
