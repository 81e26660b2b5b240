import type { Clock } from '../time/clock.ts';
import type { Random } from '../time/random.ts';
import type { Channel } from './channel.ts';
import { setLongTimer } from './long-timer.ts';
import type { Chunk, ToxicStub } from './toxics/toxic.ts';

/** A value in a link's channels: a chunk, or `null` for end of stream. */
export type LinkItem = Chunk | null;

/**
 * The stub one run of a toxic sees. Interrupting it makes every pending and future
 * read/sleep return at once, and turns writes into non-blocking ones (the chunk is queued
 * even over capacity) so that the toxic can hand over what it holds and return promptly.
 */
export class LinkStub implements ToxicStub {
  interrupted = false;
  closed = false;
  private readonly onInterrupt: Array<() => void> = [];

  constructor(
    readonly input: Channel<LinkItem>,
    readonly output: Channel<LinkItem>,
    readonly clock: Clock,
    readonly random: Random,
    private readonly onReset: () => void,
  ) {}

  /** Stops the toxic's run (see class doc). */
  interrupt(): void {
    if (this.interrupted) return;
    this.interrupted = true;
    for (const fn of this.onInterrupt.splice(0)) fn();
  }

  read(): Promise<Chunk | null | undefined> {
    if (this.interrupted || this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let done = false;
      const stop = () => {
        if (done) return;
        done = true;
        cancel();
        resolve(undefined);
      };
      const cancel = this.input.take((value) => {
        done = true;
        this.forget(stop);
        resolve(value);
      });
      if (!done) this.onInterrupt.push(stop);
    });
  }

  async write(chunk: Chunk): Promise<void> {
    for (;;) {
      if (this.closed) return;
      if (this.output.offer(chunk)) return;
      if (this.interrupted) return this.output.force(chunk);
      await new Promise<void>((resolve) => {
        this.onInterrupt.push(resolve);
        this.output.whenRoom().then(() => {
          this.forget(resolve);
          resolve();
        });
      });
    }
  }

  sleep(ms: number): Promise<boolean> {
    if (this.interrupted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const stop = () => {
        cancel();
        resolve(false);
      };
      const cancel = setLongTimer(this.clock, ms, () => {
        this.forget(stop);
        resolve(true);
      });
      this.onInterrupt.push(stop);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.output.force(null);
    // A toxic racing a read against a timer (timeout) leaves that read pending.
    this.interrupt();
  }

  reset(): void {
    this.closed = true;
    this.interrupt();
    this.onReset();
  }

  private forget(fn: () => void): void {
    const i = this.onInterrupt.indexOf(fn);
    if (i >= 0) this.onInterrupt.splice(i, 1);
  }
}
