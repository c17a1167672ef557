import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;
let prefixMs = -1;
let prefix = '';
const MAX_SEQUENCE = 36 ** 4 - 1;
const PROCESS_TAG = randomBytes(3).toString('hex');

/**
 * A unique, sortable record id: `<ms base36, 9 chars>-<sequence base36, 4 chars>-<random>`.
 * String order is arrival order: the time part never goes back (a clock step back keeps the
 * last time) and the sequence orders ids within one millisecond. The random tag keeps ids from
 * two processes writing the same history apart.
 */
export function createRecordId(now: number): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (sequence < MAX_SEQUENCE) {
    sequence += 1;
  } else {
    // Only reachable while the clock stands still or went back: borrow the next millisecond.
    lastMs += 1;
    sequence = 0;
  }
  if (lastMs !== prefixMs) {
    prefixMs = lastMs;
    prefix = lastMs.toString(36).padStart(9, '0');
  }
  return `${prefix}-${sequence.toString(36).padStart(4, '0')}-${PROCESS_TAG}`;
}
