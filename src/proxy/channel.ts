/**
 * A bounded FIFO of values between two async loops, the JavaScript stand-in for a Go
 * channel. `send` resolves once the value is queued (so a full channel pushes back on
 * the sender); `receive` resolves with the next value. A pending receive can be cancelled
 * without losing a value, which is what lets a toxic be interrupted mid-wait.
 */
export class Channel<T> {
  private readonly items: T[] = [];
  private head = 0;
  private receiver: ((value: T) => void) | undefined;
  private senders: Array<() => void> = [];

  /** @param capacity values held before `send` waits. */
  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** Queues `value` if there is room (or a receiver waiting); false when full. */
  offer(value: T): boolean {
    if (this.receiver !== undefined) {
      const receiver = this.receiver;
      this.receiver = undefined;
      receiver(value);
      return true;
    }
    if (this.size >= this.capacity) return false;
    this.items.push(value);
    return true;
  }

  /**
   * Queues `value` even when full. Used when a toxic is interrupted while its output is
   * full: the chunk in its hands must not be dropped, and one extra chunk is a bounded cost.
   */
  force(value: T): void {
    if (!this.offer(value)) this.items.push(value);
  }

  /** Queues `value`, waiting for room first. */
  async send(value: T): Promise<void> {
    while (!this.offer(value)) await this.whenRoom();
  }

  /** Resolves the next time a value leaves the channel (there may be room then). */
  whenRoom(): Promise<void> {
    return new Promise<void>((resolve) => this.senders.push(resolve));
  }

  /** Takes every queued value out, in order. */
  drain(): T[] {
    const values = this.items.slice(this.head);
    this.items.length = 0;
    this.head = 0;
    for (const sender of this.senders.splice(0)) sender();
    return values;
  }

  /** The next value if one is queued. */
  poll(): { value: T } | undefined {
    if (this.size === 0) return undefined;
    const value = this.items[this.head] as T;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
    this.wakeSender();
    return { value };
  }

  /**
   * Calls `deliver` with the next value: synchronously when one is queued, else as soon as
   * one is offered. Only one taker at a time. Returns a function that withdraws the take
   * (the value it would have taken stays queued). Callbacks, not promises, so that a value
   * is never in flight between the channel and a taker that was just cancelled.
   */
  take(deliver: (value: T) => void): () => void {
    const ready = this.poll();
    if (ready !== undefined) {
      deliver(ready.value);
      return () => {};
    }
    this.receiver = deliver;
    return () => {
      if (this.receiver === deliver) this.receiver = undefined;
    };
  }

  /** Promise form of `take`, for a consumer that is never cancelled. */
  receive(): Promise<T> {
    return new Promise<T>((resolve) => this.take(resolve));
  }

  private wakeSender(): void {
    // Wake every waiter: a waiter may be stale (its toxic was interrupted), and waking
    // only one could leave the live one asleep.
    if (this.senders.length === 0) return;
    for (const sender of this.senders.splice(0)) sender();
  }
}
