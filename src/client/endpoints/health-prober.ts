import { Agent, type Dispatcher } from 'undici';
import type { Cancel, Clock } from '../../time/clock.ts';
import type { EndpointSet } from './endpoint-set.ts';
import type { ResolvedEndpoint, ResolvedHealthCheckOptions } from './resolve-endpoint-options.ts';

/** Probes one endpoint; resolves true when it passed. Must honour `signal`. */
export type Probe = (endpoint: ResolvedEndpoint, path: string, signal: AbortSignal) => Promise<boolean>;

/**
 * The thin I/O edge of active health checks: every `intervalMs` on the clock it probes each
 * endpoint (one probe per endpoint in flight at most) and feeds the verdicts to the
 * EndpointSet, which decides. A probe that has not answered within `timeoutMs` is aborted
 * and counts as failed.
 *
 * @example
 * const prober = new HealthProber(set, { path: '/healthz', intervalMs: 5_000, ... }, clock);
 * prober.start();
 * await prober.close();
 */
export class HealthProber {
  private readonly agent: Agent | undefined;
  private readonly probe: Probe;
  private readonly inFlight = new Set<AbortController>();
  private cancelTimer: Cancel | undefined;
  private closed = false;
  /** Probe rounds completed (all endpoints answered or timed out); for tests and metrics. */
  rounds = 0;

  constructor(
    private readonly set: EndpointSet,
    private readonly options: ResolvedHealthCheckOptions,
    private readonly clock: Clock,
    probe?: Probe,
  ) {
    if (probe === undefined) {
      this.agent = new Agent({ keepAliveTimeout: 1_000, connections: 1 });
      const dispatcher = this.agent;
      this.probe = (endpoint, path, signal) => httpProbe(dispatcher, endpoint, path, signal);
    } else {
      this.probe = probe;
    }
  }

  /** Schedules the first round after one interval. */
  start(): void {
    if (this.closed || this.cancelTimer !== undefined) return;
    this.schedule();
  }

  /** Probes every endpoint once now; resolves when every verdict is recorded. */
  async runRound(): Promise<void> {
    await Promise.all(this.set.endpoints.map((e, i) => this.probeOne(e, i)));
    this.rounds++;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelTimer?.();
    for (const c of this.inFlight) c.abort();
    await this.agent?.destroy();
  }

  private schedule(): void {
    this.cancelTimer = this.clock.setTimer(this.options.intervalMs, () => {
      if (this.closed) return;
      void this.runRound().finally(() => {
        if (!this.closed) this.schedule();
      });
    });
  }

  private async probeOne(endpoint: ResolvedEndpoint, i: number): Promise<void> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const cancel = this.clock.setTimer(this.options.timeoutMs, () => controller.abort());
    let passed: boolean;
    try {
      passed = await this.probe(endpoint, this.options.path, controller.signal);
    } catch {
      passed = false;
    } finally {
      cancel();
      this.inFlight.delete(controller);
    }
    // A probe that answered after its timeout fired still counts as failed.
    if (!this.closed) this.set.recordProbe(i, passed && !controller.signal.aborted);
  }
}

/** GET `path` on the endpoint's origin; 2xx passes. */
async function httpProbe(
  dispatcher: Dispatcher,
  endpoint: ResolvedEndpoint,
  path: string,
  signal: AbortSignal,
): Promise<boolean> {
  const res = await dispatcher.request({ origin: endpoint.origin, method: 'GET', path, signal });
  await res.body.dump();
  return res.statusCode >= 200 && res.statusCode < 300;
}
