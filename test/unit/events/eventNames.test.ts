import * as assert from 'node:assert/strict';
import { closestEventName, EVENT_CATALOG, EVENT_NAMES, isEventName } from '../../../src/core/events';

describe('event names', () => {
  it('lists exactly the ten events Postal sends, in the order of its webhook form', () => {
    assert.deepEqual(EVENT_NAMES, [
      'MessageSent',
      'MessageDelayed',
      'MessageDeliveryFailed',
      'MessageHeld',
      'MessageBounced',
      'MessageLinkClicked',
      'MessageLoaded',
      'DomainDNSError',
      'SendLimitApproaching',
      'SendLimitExceeded',
    ]);
  });

  it('recognises event names exactly, case included', () => {
    for (const name of EVENT_NAMES) assert.equal(isEventName(name), true, name);
    for (const other of ['messagesent', 'MessageDelivered', '', 'Sent', 42, null, undefined, {}]) {
      assert.equal(isEventName(other), false, String(other));
    }
  });

  it('suggests the intended event for a typo or wrong case, and nothing for unrelated words', () => {
    assert.equal(closestEventName('messagesent'), 'MessageSent');
    assert.equal(closestEventName('MessageDelivered'), 'MessageDelayed');
    assert.equal(closestEventName('DomainDnsError'), 'DomainDNSError');
    assert.equal(closestEventName('SendLimitExceded'), 'SendLimitExceeded');
    assert.equal(closestEventName('OrderCreated'), undefined);
  });

  it('has one catalog entry per event, keyed and named by it', () => {
    assert.deepEqual(Object.keys(EVENT_CATALOG), [...EVENT_NAMES]);
    for (const name of EVENT_NAMES) assert.equal(EVENT_CATALOG[name].name, name);
  });
});
