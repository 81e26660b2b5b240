import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { RequestOptions } from '../../client/client-types.ts';
import type { Disposable } from '../../events/event.ts';
import type { AttemptRecord, BreakerRecord, CallRecord } from '../../report/run-events.ts';
import type { Clock } from '../../time/clock.ts';
import { CALL_TAG_HEADER } from '../wire/wire-headers.ts';
import type { LoadTarget } from './load-target.ts';
import { MacrotaskGate } from './macrotask-gate.ts';
import { toCallRecord } from './to-call-record.ts';
import { TokenPacer } from './token-pacer.ts';

/** Workers started, and let through between calls, per event-loop turn. */
const WORKERS_PER_TURN = 250;

export interface LoadDriverOptions {
  target: LoadTarget;
  clock: Clock;
  scenario: string;
  /** Clock reading of the scenario start: every `t` is relative to it. */
  t0: number;
  /** Workers. @default 1 */
  concurrency: number;
  /** Open-loop rate, calls/s; undefined = closed loop. */
  ratePerSec?: number;
  /** Hard bound on calls started. */
  maxCalls: number;
  /** The request of every call; `idempotencyKey: 'auto'` = a fresh key per call. */
  request: RequestOptions & { idempotencyKey?: string };
  /** Upstream instance (1-based) of an attempt's origin, when the client reports one. */
  endpointOf?(origin: string): number | undefined;
  /** Deadline of each call (for `deadlineExceeded`), ms. */
  deadlineMs: number;
  /** Latency above the deadline tolerated (timer lag in real time; 0 in virtual time), ms. */
  deadlineSlackMs: number;
  /** Phase name at a clock reading. */
  phaseAt(clockReading: number): string;
  record(event: CallRecord | AttemptRecord | BreakerRecord): void;
}

/**
 * Drives the scenario's load through the client under test until stopped or `maxCalls`:
 *
 *   workers (concurrency) --[token pacer when ratePerSec]--> target.request --> CallRecord
 *   target.onAttempt ------------------------------------------------------> AttemptRecord
 *   target.onBreakerStateChange --------------------------------------------> BreakerRecord
 *
 * Closed loop: each worker sends its next call when the previous one finished. Open loop:
 * workers take tokens from a shared pacer (so at most `concurrency` calls are in flight and
 * at most `ratePerSec` start per second). Between calls a worker yields one macrotask, so a
 * closed loop of instant (short-circuited) calls cannot starve timers and I/O.
 *
 * @example
 * const driver = new LoadDriver({ target: client, clock, ... });
 * driver.start();
 * await clock.sleep(phaseMs);
 * await driver.stop(); // no new calls; waits for those in flight
 */
export class LoadDriver {
  private readonly stopper = new AbortController();
  private readonly aborter = new AbortController();
  private workers: Promise<void>[] = [];
  private subscriptions: Disposable[] = [];
  private started = 0;
  /** How a worker yields between calls (one macrotask; through a gate at high concurrency). */
  private yieldTurn: () => Promise<void> = () => new Promise<void>((resolve) => setImmediate(resolve));
  /** Calls finished, ok calls (for progress lines). */
  finished = 0;
  ok = 0;

  constructor(private readonly o: LoadDriverOptions) {
    // Every call in flight listens on these signals: as many listeners as workers is expected.
    setMaxListeners(0, this.stopper.signal, this.aborter.signal);
  }

  /** Calls started so far. */
  get calls(): number {
    return this.started;
  }

  start(): void {
    const { o } = this;
    const rel = (reading: number) => reading - o.t0;
    if (o.target.onAttempt) {
      this.subscriptions.push(
        o.target.onAttempt((a) => {
          const endpoint = a.origin === undefined ? undefined : o.endpointOf?.(a.origin);
          o.record({
            type: 'attempt',
            scenario: o.scenario,
            phase: o.phaseAt(a.startedAt),
            t: rel(a.startedAt),
            durationMs: a.durationMs,
            ...(a.status !== undefined ? { status: a.status } : {}),
            ...(a.errorCode !== undefined ? { errorCode: a.errorCode } : {}),
            ...(endpoint !== undefined ? { endpoint } : {}),
          });
        }),
      );
    }
    if (o.target.onBreakerStateChange) {
      this.subscriptions.push(
        o.target.onBreakerStateChange((b) => {
          o.record({
            type: 'breaker',
            scenario: o.scenario,
            phase: o.phaseAt(b.at),
            t: rel(b.at),
            from: b.from,
            to: b.to,
          });
        }),
      );
    }
    const pacer = o.ratePerSec !== undefined ? new TokenPacer(o.clock, o.ratePerSec) : undefined;
    if (o.concurrency <= WORKERS_PER_TURN) {
      for (let i = 0; i < o.concurrency; i++) this.workers.push(this.work(pacer));
      return;
    }
    // Very high concurrency: workers start, and yield between calls, a batch per event-loop
    // turn, so signals and I/O are served throughout (macrotask-gate.ts).
    const gate = new MacrotaskGate(WORKERS_PER_TURN);
    this.yieldTurn = () => gate.pass();
    this.workers.push(this.spawn(pacer, gate));
  }

  /** Starts the workers a batch per turn; resolves when all have started and finished. */
  private async spawn(pacer: TokenPacer | undefined, gate: MacrotaskGate): Promise<void> {
    const batch: Promise<void>[] = [];
    for (let i = 0; i < this.o.concurrency && !this.stopping; i++) {
      if (i > 0 && i % WORKERS_PER_TURN === 0) await gate.pass();
      batch.push(this.work(pacer));
    }
    await Promise.all(batch);
  }

  /** Starts no new call; resolves when every call in flight has finished. */
  async stop(): Promise<void> {
    this.stopper.abort(new Error('load stopped'));
    await Promise.all(this.workers);
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions = [];
  }

  /** Stops and aborts the calls in flight (interrupt); they are recorded as they end. */
  async abort(reason: Error): Promise<void> {
    this.aborter.abort(reason);
    await this.stop();
  }

  private get stopping(): boolean {
    return this.stopper.signal.aborted;
  }

  private async work(pacer: TokenPacer | undefined): Promise<void> {
    const { o } = this;
    while (!this.stopping && this.started < o.maxCalls) {
      if (pacer) {
        try {
          await pacer.take(this.stopper.signal);
        } catch {
          return;
        }
        if (this.stopping || this.started >= o.maxCalls) return;
      }
      this.started++;
      await this.call();
      // Yield a macrotask: an instant call must not starve timers (phase ends) and I/O.
      await this.yieldTurn();
    }
  }

  private async call(): Promise<void> {
    const { o } = this;
    const startedAt = o.clock.now();
    const phase = o.phaseAt(startedAt);
    // Every logical call is tagged, so the wire log can group a client's attempts by call.
    const call = `c${this.started}`;
    const request: RequestOptions = {
      ...o.request,
      headers: { ...o.request.headers, [CALL_TAG_HEADER]: call },
      signal: this.aborter.signal,
    };
    if (o.request.idempotencyKey === 'auto') request.idempotencyKey = randomKey(this.started, o.scenario);
    let result: Parameters<typeof toCallRecord>[0];
    try {
      result = { response: await o.target.request(request) };
    } catch (error) {
      result = { error };
    }
    const record = toCallRecord(result, {
      scenario: o.scenario,
      phase,
      t: startedAt - o.t0,
      latencyMs: o.clock.now() - startedAt,
      deadlineMs: o.deadlineMs,
      deadlineSlackMs: o.deadlineSlackMs,
      breakerState: o.target.breaker?.state ?? 'closed',
    });
    this.finished++;
    if (record.outcome === 'ok') this.ok++;
    o.record({ ...record, call });
  }
}

/** A fresh idempotency key per call (unique per run; not seeded, it is never compared). */
function randomKey(n: number, scenario: string): string {
  return `${scenario}-${n}-${randomUUID().slice(0, 8)}`;
}
