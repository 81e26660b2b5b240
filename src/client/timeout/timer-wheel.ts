import type { Cancel, Clock } from '../../time/clock.ts';

/**
 * Something with a deadline on the wheel. The object itself is the wheel entry and its
 * own list node (no wrapper is allocated per schedule): the wheel owns the `wheel*` fields.
 */
export interface WheelEntry {
  /** Slot the entry sits in, undefined when not scheduled. Owned by the wheel. */
  wheelSlot: WheelSlot | undefined;
  /** Neighbours in the slot's list. Owned by the wheel. */
  wheelPrev: WheelEntry | undefined;
  wheelNext: WheelEntry | undefined;
  /** Called once when the entry's due time has passed. */
  onWheelTimeout(): void;
}

/** The entries due in one slot: a doubly linked list through the entries themselves. */
export class WheelSlot {
  head: WheelEntry | undefined = undefined;
  tail: WheelEntry | undefined = undefined;
  size = 0;

  constructor(readonly index: number) {}
}

/** @default 10 (ms) */
export const DEFAULT_WHEEL_RESOLUTION_MS = 10;

/**
 * A coarse timer wheel over an injected Clock: many deadlines, one clock timer.
 *
 * Why: every attempt needs a timeout, and almost every attempt finishes long before it.
 * A `setTimeout` per attempt costs a timer-list insert plus a removal on the hot path; here
 * an attempt is linked into its slot's list and unlinked when it settles: no allocation,
 * no hashing. Deadlines are rounded UP to `resolutionMs`, so an entry never fires early
 * and fires at most `resolutionMs` late.
 *
 * Why lists and not a Set per slot (the first form): a slot lives as long as the timeout
 * (about a second) and takes an add and a delete per attempt; a hash table per slot costs
 * hashing and rehashing under that churn, a list costs four pointer writes.
 *
 * Only one clock timer is armed at a time, for the earliest non-empty slot. When the last
 * entry is cancelled the timer is left armed (re-arming a timer per request is exactly the
 * cost we avoid); it fires once, finds nothing, and is not re-armed. `close()` cancels it.
 *
 * @example
 * const wheel = new TimerWheel(clock);
 * wheel.schedule(entry, clock.now() + 100);
 * wheel.cancel(entry);
 */
export class TimerWheel {
  private readonly slots = new Map<number, WheelSlot>();
  /** Slot numbers present in `slots`, ascending. Usually appended at the end. */
  private readonly order: number[] = [];
  /** The slot scheduled into last: most schedules land in the same one. */
  private last: WheelSlot | undefined = undefined;
  private armedSlot = -1;
  private cancelArmed: Cancel | undefined;
  private live = 0;

  constructor(
    private readonly clock: Clock,
    readonly resolutionMs = DEFAULT_WHEEL_RESOLUTION_MS,
  ) {}

  /** Entries scheduled and not yet fired or cancelled. */
  get size(): number {
    return this.live;
  }

  /** Schedules `entry` to time out at the clock reading `at` (ms). Re-scheduling moves it. */
  schedule(entry: WheelEntry, at: number): void {
    if (entry.wheelSlot !== undefined) this.cancel(entry);
    const index = Math.ceil(at / this.resolutionMs);
    let slot = this.last;
    if (slot === undefined || slot.index !== index) {
      slot = this.slots.get(index);
      if (slot === undefined) {
        slot = new WheelSlot(index);
        this.slots.set(index, slot);
        this.insertOrder(index);
      }
      this.last = slot;
    }
    entry.wheelSlot = slot;
    entry.wheelNext = undefined;
    entry.wheelPrev = slot.tail;
    if (slot.tail === undefined) slot.head = entry;
    else slot.tail.wheelNext = entry;
    slot.tail = entry;
    slot.size++;
    this.live++;
    if (this.armedSlot === -1 || index < this.armedSlot) this.arm(index);
  }

  /** Removes `entry`; harmless when it is not scheduled. */
  cancel(entry: WheelEntry): void {
    const slot = entry.wheelSlot;
    if (slot === undefined) return;
    const { wheelPrev: prev, wheelNext: next } = entry;
    if (prev === undefined) slot.head = next;
    else prev.wheelNext = next;
    if (next === undefined) slot.tail = prev;
    else next.wheelPrev = prev;
    entry.wheelSlot = entry.wheelPrev = entry.wheelNext = undefined;
    slot.size--;
    this.live--;
  }

  /** Cancels the clock timer and forgets every entry without firing them. */
  close(): void {
    this.cancelArmed?.();
    this.cancelArmed = undefined;
    this.armedSlot = -1;
    for (const slot of this.slots.values()) while (slot.head !== undefined) this.cancel(slot.head);
    this.slots.clear();
    this.order.length = 0;
    this.last = undefined;
    this.live = 0;
  }

  private arm(index: number): void {
    this.cancelArmed?.();
    this.armedSlot = index;
    this.cancelArmed = this.clock.setTimer(index * this.resolutionMs - this.clock.now(), this.tick);
  }

  private readonly tick = (): void => {
    this.cancelArmed = undefined;
    this.armedSlot = -1;
    const due = Math.floor(this.clock.now() / this.resolutionMs);
    let fired = 0;
    while (fired < this.order.length && this.order[fired]! <= due) fired++;
    const dueSlots = this.order.splice(0, fired);
    for (const index of dueSlots) {
      const slot = this.slots.get(index)!;
      this.slots.delete(index);
      if (this.last === slot) this.last = undefined;
      // Take from the head each time: a timeout may cancel (or add) entries of this slot.
      for (let entry = slot.head; entry !== undefined; entry = slot.head) {
        this.cancel(entry);
        entry.onWheelTimeout();
      }
    }
    // Skip slots emptied by cancellation so an idle wheel does not keep a timer armed.
    while (this.order.length > 0 && this.slots.get(this.order[0]!)!.size === 0) {
      const index = this.order.shift()!;
      if (this.last?.index === index) this.last = undefined;
      this.slots.delete(index);
    }
    const next = this.order[0];
    if (next !== undefined && this.armedSlot === -1) this.arm(next);
  };

  private insertOrder(slot: number): void {
    const order = this.order;
    if (order.length === 0 || order[order.length - 1]! < slot) {
      order.push(slot);
      return;
    }
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order[mid]! < slot) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, slot);
  }
}
