import { ManualClock } from '../../time/manual-clock.ts';
import { createRandom } from '../../time/random.ts';
import { Channel } from '../channel.ts';
import { type LinkItem, LinkStub } from '../link-stub.ts';
import type { Chunk, Toxic, ToxicState } from './toxic.ts';

/**
 * Runs one toxic on in-memory channels and a ManualClock, for unit tests: what a link
 * does for a toxic, without a link or a socket. Test support only.
 */
export class ToxicHarness {
  readonly clock: ManualClock;
  readonly input = new Channel<LinkItem>(1024);
  readonly output = new Channel<LinkItem>(1024);
  readonly state: ToxicState = {};
  resets = 0;
  stub: LinkStub;
  done: Promise<void>;

  /** @param clock a ManualClock (or a subclass that models the real timers' limits). */
  constructor(
    readonly toxic: Toxic,
    seed = 1,
    clock = new ManualClock(),
  ) {
    this.clock = clock;
    this.stub = new LinkStub(this.input, this.output, this.clock, createRandom(seed), () => this.resets++);
    this.done = toxic.pipe(this.stub, this.state);
  }

  /** Queues a chunk stamped with the current time. */
  send(data: string | Buffer): void {
    this.input.force({ data: Buffer.from(data), timestamp: this.clock.now() } satisfies Chunk);
  }

  /** Queues end of stream. */
  end(): void {
    this.input.force(null);
  }

  /** Everything the toxic has output so far: chunks as strings, EOF as null. */
  taken(): Array<string | null> {
    return this.output.drain().map((item) => (item === null ? null : item.data.toString()));
  }

  /** Interrupts the toxic and waits for it to return. */
  async interrupt(): Promise<void> {
    this.stub.interrupt();
    await this.done;
  }
}
