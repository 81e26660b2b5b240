import type { Clock } from '../../time/clock.ts';
import type { Random } from '../../time/random.ts';

/** A piece of a TCP stream and the time (clock ms) it arrived at the proxy. */
export interface Chunk {
  data: Buffer;
  timestamp: number;
}

/**
 * What a toxic sees of a connection: an input and an output of chunks, the clock and a
 * seeded random source. Never a socket, so every toxic is unit-testable in memory.
 *
 * Reads, writes and sleeps all end early when the link interrupts the toxic (a toxic was
 * added, removed or updated): the toxic must then pass on any chunk it holds and return.
 */
export interface ToxicStub {
  readonly clock: Clock;
  readonly random: Random;
  /** True once the link asked this toxic to stop. */
  readonly interrupted: boolean;
  /**
   * The next chunk; `null` at end of stream (the toxic should then `close()` and return);
   * `undefined` when interrupted (the toxic should return).
   */
  read(): Promise<Chunk | null | undefined>;
  /** Passes a chunk on; waits while the output is full. Never drops the chunk. */
  write(chunk: Chunk): Promise<void>;
  /** Waits `ms` milliseconds; resolves false when interrupted first. */
  sleep(ms: number): Promise<boolean>;
  /** Ends the output: the end of the chain closes the connection. */
  close(): void;
  /** Closes the connection with a TCP reset (the peer sees ECONNRESET). */
  reset(): void;
}

/**
 * One toxic: `pipe` runs from the moment the toxic starts on a connection until the input
 * ends or the link interrupts it. `state` survives interruptions (a toxic restarted after
 * an update continues where it stopped, e.g. limit_data's byte count).
 */
export interface Toxic {
  pipe(stub: ToxicStub, state: ToxicState): Promise<void>;
  /** Called when the toxic is removed from a live connection (timeout closes it). */
  cleanup?(stub: ToxicStub): void;
}

/** Per connection, per toxic mutable state. */
export type ToxicState = Record<string, number>;

/** Attribute values on the wire: every attribute of a type is a number. */
export type ToxicAttributes = Record<string, number>;

/**
 * A toxic type as the registry knows it: its wire name, its attributes (with their 0
 * defaults, in wire order), its input buffer size and a factory.
 */
export interface ToxicType {
  readonly type: string;
  readonly attributes: readonly string[];
  /** Chunks queued before this toxic, before the sender waits. */
  readonly bufferSize: number;
  create(attributes: ToxicAttributes): Toxic;
}

/** Reads a numeric attribute; anything else counts as 0 (as Go's zero value). */
export function num(attributes: ToxicAttributes, name: string): number {
  const value = attributes[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
