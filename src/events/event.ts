/** What a subscription returns: call `dispose()` to stop listening. */
export interface Disposable {
  dispose(): void;
}

/** Subscribe to a typed event; returns a disposable. */
export type Event<T> = (listener: (value: T) => void) => Disposable;

/**
 * A typed event source. Policies own emitters and expose only `event` (the subscribe
 * function), so listeners cannot emit. Emitting with no listeners costs a length check.
 *
 * @example
 * const onBreak = new EventEmitter<{ reason: string }>();
 * const sub = onBreak.event((e) => log(e.reason));
 * onBreak.emit({ reason: 'threshold' });
 * sub.dispose();
 */
export class EventEmitter<T> {
  private listeners: Array<(value: T) => void> = [];

  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return {
      dispose: () => {
        const i = this.listeners.indexOf(listener);
        if (i >= 0) this.listeners.splice(i, 1);
      },
    };
  };

  get size(): number {
    return this.listeners.length;
  }

  emit(value: T): void {
    if (this.listeners.length === 0) return;
    for (const listener of this.listeners.slice()) listener(value);
  }
}
