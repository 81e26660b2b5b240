import type { Clock } from '../time/clock.ts';
import type { Random } from '../time/random.ts';
import { Channel } from './channel.ts';
import { type LinkItem, LinkStub } from './link-stub.ts';
import type { ToxicWrapper } from './toxic-wrapper.ts';
import { noopToxic } from './toxics/noop.ts';
import type { Chunk, ToxicState } from './toxics/toxic.ts';

/** Where a link delivers: the destination socket, behind a small interface. */
export interface LinkSink {
  /** Writes a chunk; resolves when the destination can take more (backpressure). */
  write(chunk: Chunk): Promise<void>;
  /** End of stream: the destination should be ended. */
  end(): void;
  /** A toxic asked for a TCP reset of the connection. */
  reset(): void;
}

interface Stage {
  /** undefined for the leading no-op. */
  wrapper: ToxicWrapper | undefined;
  input: Channel<LinkItem>;
  output: Channel<LinkItem>;
  state: ToxicState;
  stub: LinkStub | undefined;
  running: Promise<void>;
  /** The toxic closed its output or reset: never restart it. */
  finished: boolean;
}

const LEAD_BUFFER = 16;

/**
 * One direction of one connection: the chain of toxics its bytes pass through.
 *
 * ```
 *  source ──► [noop] ──chan──► [toxic 1] ──chan──► [toxic 2] ──chan──► writer ──► sink
 * ```
 *
 * Each stage is an async loop reading its input channel and writing its output channel;
 * bounded channels carry backpressure from the sink back to the source. The leading no-op
 * is there so a toxic can always be inserted or removed behind an existing stage: adding
 * a toxic interrupts the last stage, splices a new channel in and restarts both; removing
 * one interrupts it and its predecessor, moves its queued chunks on, and reconnects.
 * Toxicity is drawn from the link's seeded random each time a toxic starts on it.
 * Operations are serialised, so the chain is never changed under a running change.
 */
export class ToxicLink {
  private readonly stages: Stage[] = [];
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  readonly input: Channel<LinkItem>;
  private readonly writer: Promise<void>;

  constructor(
    toxics: readonly ToxicWrapper[],
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly sink: LinkSink,
  ) {
    this.input = new Channel<LinkItem>(LEAD_BUFFER);
    let output = new Channel<LinkItem>(toxics[0]?.toxicType.bufferSize ?? LEAD_BUFFER);
    this.stages.push(this.stage(undefined, this.input, output));
    for (let i = 0; i < toxics.length; i++) {
      const input = output;
      output = new Channel<LinkItem>(toxics[i + 1]?.toxicType.bufferSize ?? LEAD_BUFFER);
      this.stages.push(this.stage(toxics[i], input, output));
    }
    for (const stage of this.stages) this.start(stage);
    this.writer = this.write(output);
  }

  /** Appends a toxic to the chain. */
  addToxic(wrapper: ToxicWrapper): Promise<void> {
    return this.serial(async () => {
      const last = this.stages[this.stages.length - 1]!;
      await this.stop(last);
      const between = new Channel<LinkItem>(wrapper.toxicType.bufferSize);
      const added = this.stage(wrapper, between, last.output);
      last.output = between;
      this.stages.push(added);
      this.restart(last);
      this.start(added);
    });
  }

  /** Restarts a toxic with its new attributes/toxicity, keeping its state. */
  updateToxic(wrapper: ToxicWrapper): Promise<void> {
    return this.serial(async () => {
      const stage = this.stages.find((s) => s.wrapper?.name === wrapper.name);
      if (stage === undefined) return;
      await this.stop(stage);
      stage.wrapper = wrapper;
      this.restart(stage);
    });
  }

  /** Takes a toxic out of the chain; queued chunks move on to the next stage. */
  removeToxic(name: string): Promise<void> {
    return this.serial(async () => {
      const i = this.stages.findIndex((s) => s.wrapper?.name === name);
      if (i <= 0) return;
      const stage = this.stages[i]!;
      const previous = this.stages[i - 1]!;
      await this.stop(stage);
      if (stage.wrapper?.toxic.cleanup !== undefined && stage.stub !== undefined && !stage.finished) {
        stage.wrapper.toxic.cleanup(stage.stub);
        if (stage.stub.closed) return;
      }
      await this.stop(previous);
      for (const item of stage.input.drain()) stage.output.force(item);
      previous.output = stage.output;
      this.stages.splice(i, 1);
      this.restart(previous);
    });
  }

  /** Stops every stage and the writer; nothing more is delivered. */
  dispose(): void {
    this.disposed = true;
    for (const stage of this.stages) stage.stub?.interrupt();
    this.stages[this.stages.length - 1]?.output.force(null);
  }

  private stage(
    wrapper: ToxicWrapper | undefined,
    input: Channel<LinkItem>,
    output: Channel<LinkItem>,
  ): Stage {
    return {
      wrapper,
      input,
      output,
      state: {},
      stub: undefined,
      running: Promise.resolve(),
      finished: false,
    };
  }

  private start(stage: Stage): void {
    if (this.disposed) return;
    const stub = new LinkStub(stage.input, stage.output, this.clock, this.random, () => this.sink.reset());
    stage.stub = stub;
    const wrapper = stage.wrapper;
    // Toxicity: drawn once each time the toxic starts on this connection.
    const active = wrapper !== undefined && this.random.next() < wrapper.toxicity;
    const toxic = active ? wrapper.toxic : noopToxic();
    stage.running = toxic.pipe(stub, stage.state).then(
      () => {
        if (stub.closed) stage.finished = true;
      },
      () => {
        // A toxic that throws ends the stream rather than wedging the connection.
        stage.finished = true;
        stub.close();
      },
    );
  }

  private restart(stage: Stage): void {
    if (!stage.finished) this.start(stage);
  }

  private async stop(stage: Stage): Promise<void> {
    stage.stub?.interrupt();
    await stage.running;
  }

  private async write(output: Channel<LinkItem>): Promise<void> {
    for (;;) {
      const item = await output.receive();
      if (this.disposed) return;
      if (item === null) return this.sink.end();
      await this.sink.write(item);
    }
  }

  private serial(fn: () => Promise<void>): Promise<void> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Resolves when the writer has delivered end of stream (or the link was disposed). */
  get done(): Promise<void> {
    return this.writer;
  }
}
