import type { Cancel, Clock } from '../../time/clock.ts';

/**
 * Something with a deadline on the wheel. The object itself is the wheel entry (no
 * wrapper is allocated per schedule): the wheel stores its slot in `wheelSlot`.
 */
export interface WheelEntry {
  /** Slot the entry sits in, -1 when not scheduled. Owned by the wheel. */
  wheelSlot: number;
  /** Called once when the entry's due time has passed. */
  onWheelTimeout(): void;
}

/** @default 10 (ms) */
export const DEFAULT_WHEEL_RESOLUTION_MS = 10;

/**
 * A coarse timer wheel over an injected Clock: many deadlines, one clock timer.
 *
 * Why: every attempt needs a timeout, and almost every attempt finishes long before it.
 * A `setTimeout` per attempt costs a timer-list insert plus a removal on the hot path; here
 * an attempt costs a Set insert and delete. Deadlines are rounded UP to `resolutionMs`, so
 * an entry never fires early and fires at most `resolutionMs` late.
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
  private readonly slots = new Map<number, Set<WheelEntry>>();
  /** Slot numbers present in `slots`, ascending. Usually appended at the end. */
  private readonly order: number[] = [];
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
    if (entry.wheelSlot !== -1) this.cancel(entry);
    const slot = Math.ceil(at / this.resolutionMs);
    let set = this.slots.get(slot);
    if (set === undefined) {
      set = new Set();
      this.slots.set(slot, set);
      this.insertOrder(slot);
    }
    set.add(entry);
    entry.wheelSlot = slot;
    this.live++;
    if (this.armedSlot === -1 || slot < this.armedSlot) this.arm(slot);
  }

  /** Removes `entry`; harmless when it is not scheduled. */
  cancel(entry: WheelEntry): void {
    const slot = entry.wheelSlot;
    if (slot === -1) return;
    entry.wheelSlot = -1;
    if (this.slots.get(slot)?.delete(entry)) this.live--;
  }

  /** Cancels the clock timer and forgets every entry without firing them. */
  close(): void {
    this.cancelArmed?.();
    this.cancelArmed = undefined;
    this.armedSlot = -1;
    for (const set of this.slots.values()) for (const e of set) e.wheelSlot = -1;
    this.slots.clear();
    this.order.length = 0;
    this.live = 0;
  }

  private arm(slot: number): void {
    this.cancelArmed?.();
    this.armedSlot = slot;
    this.cancelArmed = this.clock.setTimer(slot * this.resolutionMs - this.clock.now(), this.tick);
  }

  private readonly tick = (): void => {
    this.cancelArmed = undefined;
    this.armedSlot = -1;
    const due = Math.floor(this.clock.now() / this.resolutionMs);
    let fired = 0;
    while (fired < this.order.length && this.order[fired]! <= due) fired++;
    const dueSlots = this.order.splice(0, fired);
    for (const slot of dueSlots) {
      const set = this.slots.get(slot)!;
      this.slots.delete(slot);
      for (const entry of set) {
        entry.wheelSlot = -1;
        this.live--;
        entry.onWheelTimeout();
      }
    }
    // Skip slots emptied by cancellation so an idle wheel does not keep a timer armed.
    while (this.order.length > 0 && this.slots.get(this.order[0]!)!.size === 0) {
      this.slots.delete(this.order.shift()!);
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
