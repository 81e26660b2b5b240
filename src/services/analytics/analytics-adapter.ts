import { z } from 'zod';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import type { Clock } from '../../time/clock.ts';
import { systemClock } from '../../time/system-clock.ts';
import { type AdapterClient, resolveAdapterClient } from '../adapter-client.ts';
import { callService } from '../call-service.ts';
import { createPeriodicDrain, drainIntervalMs } from '../periodic-drain.ts';

/** An event as the caller tracks it; `at` defaults to the wall-clock time of `track`. */
export interface AnalyticsEvent {
  type: string;
  userId: string;
  /** ISO-8601 string or Date. @default now */
  at?: string | Date;
  properties?: Record<string, unknown>;
}

/** The wire shape of one event in `POST /v1/events`. */
interface WireEvent {
  type: string;
  userId: string;
  at: string;
  properties?: Record<string, unknown>;
}

export interface AnalyticsStats {
  /** Waiting in the buffer. */
  buffered: number;
  /** Accepted by the service. */
  sent: number;
  /** Lost: tracked while the buffer was full, pushed out by a failed batch, or refused (400). */
  dropped: number;
  /** Flush runs that stopped on an unavailable service. */
  failedFlushes: number;
}

export interface FlushResult {
  /** Events the service accepted in this flush. */
  sent: number;
  /** True when the flush stopped early because the service was unavailable. */
  failed: boolean;
}

export interface AnalyticsAdapterOptions {
  /** A client the caller owns, or options for a client the adapter creates and closes. */
  client: AdapterClient;
  /** Most events buffered; beyond it events are dropped and counted. @default 10_000 */
  maxBuffer?: number;
  /** Events per `POST /v1/events`, 1..1000 (the service's limit). @default 1000 */
  batchSize?: number;
  /** Flush every this many ms while events are buffered; `false`: only on `flush()`. @default false */
  flushEveryMs?: number | false;
  /** @default systemClock */
  clock?: Clock;
  /** Wall-clock ms since the epoch, for the default `at`. @default Date.now */
  wallClock?: () => number;
}

export interface ResolvedAnalyticsAdapterOptions {
  maxBuffer: number;
  batchSize: number;
  flushEveryMs: number | false;
  clock: Clock;
  wallClock: () => number;
}

export const ANALYTICS_ADAPTER_DEFAULTS = {
  maxBuffer: 10_000,
  batchSize: 1000,
  flushEveryMs: false,
} as const;

/** Validates options and applies defaults. */
export function resolveAnalyticsAdapterOptions(
  options: AnalyticsAdapterOptions,
): ResolvedAnalyticsAdapterOptions {
  const maxBuffer = options.maxBuffer ?? ANALYTICS_ADAPTER_DEFAULTS.maxBuffer;
  if (!Number.isInteger(maxBuffer) || maxBuffer < 1) {
    throw new InvalidOptionsError('analytics.maxBuffer', 'an integer >= 1', maxBuffer);
  }
  const batchSize = options.batchSize ?? ANALYTICS_ADAPTER_DEFAULTS.batchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
    throw new InvalidOptionsError('analytics.batchSize', 'an integer in 1..1000', batchSize);
  }
  const flushEveryMs = drainIntervalMs(
    'analytics.flushEveryMs',
    options.flushEveryMs ?? ANALYTICS_ADAPTER_DEFAULTS.flushEveryMs,
  );
  return {
    maxBuffer,
    batchSize,
    flushEveryMs,
    clock: options.clock ?? systemClock,
    wallClock: options.wallClock ?? Date.now,
  };
}

/**
 * Fire-and-forget analytics. `track` is synchronous, never throws and never waits on the
 * network: losing analytics must never slow down or break the caller. Memory is bounded by
 * `maxBuffer`; every lost event is counted in `stats().dropped`.
 */
export interface AnalyticsAdapter {
  track(event: AnalyticsEvent): void;
  /** Sends buffered events in batches; never rejects. A failed batch goes back to the buffer. */
  flush(): Promise<FlushResult>;
  stats(): AnalyticsStats;
  /** Stops the flush timer and closes an owned client; buffered events are not sent. */
  close(): Promise<void>;
}

const acceptedSchema = z.object({ accepted: z.number().int().nonnegative() });

/**
 * @example
 * const analytics = createAnalyticsAdapter({ client: { service: 'analytics', baseUrl }, flushEveryMs: 1_000 });
 * analytics.track({ type: 'signup', userId: 'u1' });
 */
export function createAnalyticsAdapter(options: AnalyticsAdapterOptions): AnalyticsAdapter {
  const resolved = resolveAnalyticsAdapterOptions(options);
  const { client, release } = resolveAdapterClient(options.client);
  let buffer: WireEvent[] = [];
  let sent = 0;
  let dropped = 0;
  let failedFlushes = 0;

  const runFlush = async (): Promise<FlushResult> => {
    let sentNow = 0;
    while (buffer.length > 0 && !flusher.closed) {
      const batch = buffer.splice(0, resolved.batchSize);
      const result = await callService(
        client,
        'analytics',
        `send ${batch.length} events`,
        { method: 'POST', path: '/v1/events', json: { events: batch } },
        acceptedSchema,
      );
      if (result.kind === 'ok') {
        sent += batch.length;
        sentNow += batch.length;
      } else if (result.kind === 'rejected') {
        // Why: a batch the service refuses (400) would be refused forever; keeping it would
        // block every later event behind it.
        dropped += batch.length;
      } else {
        // Why: the failed batch is the oldest data; it goes back to the front, and when events
        // tracked during the flush leave no room, the oldest ones are the ones dropped.
        buffer = batch.concat(buffer);
        const overflow = buffer.length - resolved.maxBuffer;
        if (overflow > 0) {
          buffer.splice(0, overflow);
          dropped += overflow;
        }
        failedFlushes++;
        return { sent: sentNow, failed: true };
      }
    }
    return { sent: sentNow, failed: false };
  };

  const flusher = createPeriodicDrain({
    everyMs: resolved.flushEveryMs,
    clock: resolved.clock,
    pending: () => buffer.length > 0,
    drain: runFlush,
  });

  return {
    track(event) {
      try {
        if (buffer.length >= resolved.maxBuffer) {
          dropped++;
          return;
        }
        const at =
          event.at instanceof Date
            ? event.at.toISOString()
            : (event.at ?? new Date(resolved.wallClock()).toISOString());
        const wire: WireEvent = { type: event.type, userId: event.userId, at };
        if (event.properties !== undefined) wire.properties = event.properties;
        buffer.push(wire);
        flusher.arm();
      } catch {
        // An invalid Date (toISOString throws) or a hostile getter: count it, never throw.
        dropped++;
      }
    },
    flush: flusher.run,
    stats: () => ({ buffered: buffer.length, sent, dropped, failedFlushes }),
    async close() {
      await flusher.close();
      await release();
    },
  };
}
