import type { Notification } from './notify-adapter.ts';

/** A notification waiting for redelivery, with the key it was first sent with. */
export interface QueuedNotification {
  readonly notification: Notification;
  /** Sent as `Idempotency-Key` on every attempt, so the service delivers it at most once. */
  readonly idempotencyKey: string;
  /** Reading of the adapter's Clock when it was queued, ms. */
  readonly queuedAt: number;
  /** Attempts so far, the first send included. */
  attempts: number;
}

/**
 * A bounded FIFO of notifications that could not be sent. `push` refuses (returns false)
 * instead of growing past `capacity`, so an outage cannot exhaust memory.
 */
export class NotifyOutbox {
  private readonly entries: QueuedNotification[] = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.length;
  }

  get full(): boolean {
    return this.entries.length >= this.capacity;
  }

  /** Adds at the tail; false when full. */
  push(entry: QueuedNotification): boolean {
    if (this.full) return false;
    this.entries.push(entry);
    return true;
  }

  /** The oldest entry, or undefined when empty. */
  peek(): QueuedNotification | undefined {
    return this.entries[0];
  }

  /** Removes `entry` wherever it is (it may have been removed already). */
  remove(entry: QueuedNotification): void {
    const i = this.entries.indexOf(entry);
    if (i >= 0) this.entries.splice(i, 1);
  }

  /** A snapshot, oldest first. */
  list(): QueuedNotification[] {
    return this.entries.slice();
  }
}
