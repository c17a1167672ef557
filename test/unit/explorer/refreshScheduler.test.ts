import * as assert from 'node:assert/strict';
import { RefreshScheduler } from '../../../src/core/explorer';

/** A scheduler whose refreshes are counted, with a promise for the next one. */
function counted(delayMs: number) {
  let count = 0;
  let notify: (() => void) | undefined;
  const scheduler = new RefreshScheduler(delayMs, () => {
    count++;
    notify?.();
  });
  return {
    scheduler,
    count: () => count,
    nextRefresh: () => new Promise<void>((resolve) => (notify = resolve)),
  };
}

/** Resolves after a timer of `ms`: Node fires timers in order of their due time, so earlier ones have run. */
const timerOf = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('RefreshScheduler', () => {
  it('does nothing until a change is scheduled', () => {
    const { scheduler, count } = counted(10);
    assert.equal(scheduler.pending, false);
    assert.equal(count(), 0);
  });

  it('gathers a burst of changes into one refresh after the delay', async () => {
    const { scheduler, count, nextRefresh } = counted(10);
    const refreshed = nextRefresh();
    scheduler.schedule();
    scheduler.schedule();
    scheduler.schedule();
    assert.equal(scheduler.pending, true);
    assert.equal(count(), 0, 'nothing refreshes before the delay');
    await refreshed;
    assert.equal(count(), 1);
    assert.equal(scheduler.pending, false);
  });

  it('lets later changes ride along with the first one\'s timer instead of pushing it back', async () => {
    const { scheduler, count, nextRefresh } = counted(30);
    const order: string[] = [];
    const refreshed = nextRefresh().then(() => order.push('refresh'));
    scheduler.schedule();
    await timerOf(10);
    scheduler.schedule();
    // Due before a timer pushed back by this change would be, after the first change's timer.
    const marker = timerOf(25).then(() => order.push('marker'));
    await Promise.all([refreshed, marker]);
    assert.deepEqual(order, ['refresh', 'marker']);
    assert.equal(count(), 1);
  });

  it('refreshes at once on flush, and the pending timer then does not refresh again', async () => {
    const { scheduler, count } = counted(10);
    scheduler.schedule();
    scheduler.flush();
    assert.equal(count(), 1);
    assert.equal(scheduler.pending, false);
    await timerOf(20);
    assert.equal(count(), 1);
  });

  it('flushes even when nothing was scheduled, for an explicit refresh', () => {
    const { scheduler, count } = counted(10);
    scheduler.flush();
    assert.equal(count(), 1);
  });

  it('starts a new round after a refresh', async () => {
    const { scheduler, count, nextRefresh } = counted(5);
    let refreshed = nextRefresh();
    scheduler.schedule();
    await refreshed;
    refreshed = nextRefresh();
    scheduler.schedule();
    assert.equal(scheduler.pending, true);
    await refreshed;
    assert.equal(count(), 2);
  });

  it('never refreshes after dispose', async () => {
    const { scheduler, count } = counted(10);
    scheduler.schedule();
    scheduler.dispose();
    assert.equal(scheduler.pending, false);
    await timerOf(20);
    assert.equal(count(), 0);
  });
});
