import { type Loc } from './copyRanges';
import { type HistoryEntry } from './entry';
import { type HistoryLimits } from './limits';
import { type WebhookRecord } from './record';

/** One record the history holds: its entry, and where the rest of it is. */
export interface Slot {
  readonly entry: HistoryEntry;
  /** Bytes it takes: its line (and its update line) in the file, or an estimate in memory. */
  bytes: number;
  /** Its record line, for a history in a file. */
  loc?: Loc;
  /** Its latest update line, if any. */
  updateLoc?: Loc;
  /** The whole record, for a history in memory only. */
  record?: WebhookRecord;
}

/** The first and the latest request seen with one envelope `uuid`. */
export interface EnvelopeSighting {
  count: number;
  firstId: string;
}

/**
 * The records a history holds, oldest first, within its limits: inserting one evicts the
 * oldest until both the count and the bytes fit (the newest is always kept). Also finds
 * records by envelope uuid, for spotting Postal's retries.
 */
export class HistoryIndex {
  private readonly slots = new Map<string, Slot>();
  /** Ids per envelope uuid, oldest first. */
  private readonly byUuid = new Map<string, string[]>();
  /** Ids oldest first from `head` on, to find the oldest without walking the Map's holes. */
  private order: string[] = [];
  private head = 0;
  /** Set when a record older than the newest was put in its place, until `slots` follows `order` again. */
  private reordered = false;
  bytes = 0;

  constructor(readonly limits: HistoryLimits) {}

  get size(): number {
    return this.slots.size;
  }

  get(id: string): Slot | undefined {
    return this.slots.get(id);
  }

  /** Oldest first. */
  values(): IterableIterator<Slot> {
    if (this.reordered) this.followOrder();
    return this.slots.values();
  }

  sighting(uuid: string): EnvelopeSighting | undefined {
    const ids = this.byUuid.get(uuid);
    return ids === undefined ? undefined : { count: ids.length, firstId: ids[0] };
  }

  /** Adds a slot and returns the ids evicted to make room. The same id again replaces it in place. */
  insert(slot: Slot): string[] {
    const known = this.slots.get(slot.entry.id);
    if (known !== undefined) {
      // A record line repeated in a file: the later copy wins, nothing moves.
      this.bytes += slot.bytes - known.bytes;
      this.slots.set(slot.entry.id, slot);
      return this.evictOverLimits();
    }
    this.slots.set(slot.entry.id, slot);
    this.bytes += slot.bytes;
    const uuid = slot.entry.uuid;
    if (uuid !== undefined) {
      const ids = this.byUuid.get(uuid);
      if (ids === undefined) this.byUuid.set(uuid, [slot.entry.id]);
      else ids.push(slot.entry.id);
    }
    this.placeInOrder(slot.entry.id);
    return this.evictOverLimits();
  }

  /**
   * Ids are sortable by arrival, and a record normally arrives newest; one that does not (a
   * deleted record restored, a line appended late) takes its place among the others, so lists,
   * eviction and a reload all see the same order.
   */
  private placeInOrder(id: string): void {
    const last = this.order.length - 1;
    if (last < this.head || this.order[last] <= id) {
      this.order.push(id);
      return;
    }
    let low = this.head;
    let high = last;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.order[middle] <= id) low = middle + 1;
      else high = middle;
    }
    this.order.splice(low, 0, id);
    this.reordered = true;
  }

  /** Rebuilds `slots` in the order of `order` (ids deleted by hand are skipped). */
  private followOrder(): void {
    const sorted = new Map<string, Slot>();
    for (let index = this.head; index < this.order.length; index++) {
      const slot = this.slots.get(this.order[index]);
      if (slot !== undefined) sorted.set(this.order[index], slot);
    }
    this.slots.clear();
    for (const [id, slot] of sorted) this.slots.set(id, slot);
    this.reordered = false;
  }

  /** Changes a slot's size (an update line added) and returns the ids evicted to stay within the limits. */
  resize(slot: Slot, bytes: number): string[] {
    this.bytes += bytes - slot.bytes;
    slot.bytes = bytes;
    return this.evictOverLimits();
  }

  remove(id: string): Slot | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    this.slots.delete(id);
    this.bytes -= slot.bytes;
    const uuid = slot.entry.uuid;
    const ids = uuid === undefined ? undefined : this.byUuid.get(uuid);
    if (ids !== undefined && uuid !== undefined) {
      // Eviction removes the oldest, which is first: shift() is constant time there.
      if (ids[0] === id) ids.shift();
      else if (ids.includes(id)) ids.splice(ids.indexOf(id), 1);
      if (ids.length === 0) this.byUuid.delete(uuid);
    }
    return slot;
  }

  clear(): void {
    this.slots.clear();
    this.byUuid.clear();
    this.order = [];
    this.head = 0;
    this.reordered = false;
    this.bytes = 0;
  }

  /** Where every line still needed is, in file order. */
  liveLocs(): Loc[] {
    const locs: Loc[] = [];
    for (const slot of this.slots.values()) {
      if (slot.loc !== undefined) locs.push(slot.loc);
      if (slot.updateLoc !== undefined) locs.push(slot.updateLoc);
    }
    return locs.sort((a, b) => a.offset - b.offset);
  }

  /** Moves every location after a compaction; returns the ids whose line was not kept (none, unless something is wrong). */
  relocate(moved: (offset: number) => number | undefined): string[] {
    const lost: string[] = [];
    for (const slot of this.slots.values()) {
      const offset = slot.loc === undefined ? undefined : moved(slot.loc.offset);
      if (slot.loc !== undefined && offset === undefined) lost.push(slot.entry.id);
      else if (slot.loc !== undefined && offset !== undefined) slot.loc = { offset, length: slot.loc.length };
      if (slot.updateLoc !== undefined) {
        const updateOffset = moved(slot.updateLoc.offset);
        slot.updateLoc = updateOffset === undefined ? undefined : { offset: updateOffset, length: slot.updateLoc.length };
      }
    }
    for (const id of lost) this.remove(id);
    return lost;
  }

  private evictOverLimits(): string[] {
    const evicted: string[] = [];
    const { maxRecords, maxBytes } = this.limits;
    while ((this.slots.size > maxRecords || (this.bytes > maxBytes && this.slots.size > 1)) && this.head < this.order.length) {
      const oldest = this.order[this.head++];
      // Ids deleted by hand are still in `order`; they are skipped here.
      if (this.remove(oldest) !== undefined) evicted.push(oldest);
    }
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    return evicted;
  }
}
