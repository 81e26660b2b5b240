import { Agent, type Dispatcher } from 'undici';
import { FaultlineError } from '../errors/faultline-error.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { startFaultProxy } from '../proxy/start-fault-proxy.ts';
import { createHttpFaultInterceptor } from '../scenario/faults/http/create-http-fault-interceptor.ts';
import { HttpFaultSet } from '../scenario/faults/http/http-fault-set.ts';
import type { HttpFaultSpec } from '../scenario/faults/http/http-fault-spec.ts';
import { TcpFaultTarget } from '../scenario/faults/tcp/tcp-fault-target.ts';
import { UndoStack } from '../scenario/undo-stack.ts';
import { deriveRandom } from '../time/random.ts';
import { systemClock } from '../time/system-clock.ts';
import type { FaultSessionOptions, ReceivedRequest } from './fault-session-options.ts';
import { parseFaultSpec } from './parse-fault-spec.ts';
import { type ServedUpstream, serveUpstream } from './served-upstream.ts';

/** Sessions started by this process: part of each proxy name, so sessions never share one. */
let sessions = 0;

/** A TCP fault as in a scenario's `tcp:` (stream, toxicity and attributes default as there). */
export type TcpFaultInput =
  | { down: true }
  | {
      toxic: string;
      stream?: 'upstream' | 'downstream';
      toxicity?: number;
      attributes?: Record<string, number>;
    };

/** Faults for one dependency: TCP toxics on its proxy and HTTP faults in the interceptor. */
export interface FaultSpec {
  tcp?: TcpFaultInput | TcpFaultInput[];
  http?: HttpFaultSpec | HttpFaultSpec[];
}

interface Dependency {
  target: TcpFaultTarget;
  http: HttpFaultSet;
  /** HTTP fault groups in force, oldest first (the set holds their concatenation). */
  httpGroups: HttpFaultSpec[][];
  served?: ServedUpstream;
}

/**
 * Fault injection for tests, without a test framework: one proxy per dependency on the
 * embedded fault proxy (or a real Toxiproxy), TCP toxics on those proxies and HTTP faults in
 * an undici interceptor, every change on an undo stack. `faultline/vitest`'s `useFaults`
 * drives it from vitest hooks.
 *
 *   your client --(interceptor: HTTP faults)--> proxy per dependency (TCP toxics) --> upstream
 *
 * @example
 * const session = await FaultSession.start({ upstreams: { payments: 'http://127.0.0.1:4010' } });
 * const undo = await session.apply('payments', { tcp: { toxic: 'latency', attributes: { latency: 500 } } });
 * await undo();
 * await session.close();
 */
export class FaultSession {
  /** Applied faults not yet undone (for the current test or block). */
  private readonly applied = new UndoStack();
  private applyCount = 0;

  private constructor(
    private readonly dependencies: Map<string, Dependency>,
    private readonly lifetime: UndoStack,
    /** The Toxiproxy admin API in use. */
    readonly toxiproxyUrl: string,
  ) {}

  static async start(options: FaultSessionOptions): Promise<FaultSession> {
    const names = Object.keys(options.upstreams);
    if (names.length === 0)
      throw new InvalidOptionsError(
        'upstreams',
        'at least one dependency, e.g. { payments: "http://127.0.0.1:4010" }',
        options.upstreams,
      );
    const lifetime = new UndoStack();
    try {
      let toxiproxyUrl = options.toxiproxyUrl || process.env.TOXIPROXY_URL || undefined;
      // The embedded proxy binds port 0 and reports the port; a real Toxiproxy needs a free one.
      const embedded = toxiproxyUrl === undefined;
      if (toxiproxyUrl === undefined) {
        const proxy = await startFaultProxy({ port: 0 });
        lifetime.push('close the fault proxy', () => proxy.close());
        toxiproxyUrl = proxy.url;
      }
      const session = ++sessions;
      const dependencies = new Map<string, Dependency>();
      for (const name of names) {
        const spec = options.upstreams[name]!;
        let served: ServedUpstream | undefined;
        let upstream: string;
        if (typeof spec === 'function') {
          served = await serveUpstream(spec);
          lifetime.push(`close upstream ${name}`, () => served!.close());
          upstream = served.address;
        } else {
          upstream = hostPortOf(name, spec);
        }
        const target = await TcpFaultTarget.create({
          toxiproxyUrl,
          name: `faultline-vitest-${process.pid}-${session}-${name}`,
          upstream,
          listenOnPortZero: embedded,
          undo: lifetime,
        });
        const http = new HttpFaultSet({
          clock: systemClock,
          random: deriveRandom(options.seed ?? 1, `http-faults-${name}`),
        });
        dependencies.set(name, { target, http, httpGroups: [], ...(served ? { served } : {}) });
      }
      return new FaultSession(dependencies, lifetime, toxiproxyUrl);
    } catch (err) {
      await lifetime.drain();
      throw err;
    }
  }

  /** Base URL the client under test uses for `name`: its proxy, e.g. `http://127.0.0.1:40123`. */
  url(name: string): string {
    return this.dependency(name).target.baseUrl;
  }

  /**
   * Applies `faults` to dependency `name` until the returned undo runs (or `reset()`).
   * TCP faults hit every client; HTTP faults hit clients that use `interceptor` or `dispatcher`.
   */
  async apply(name: string, faults: FaultSpec): Promise<() => Promise<void>> {
    const dependency = this.dependency(name);
    const { tcp, http } = parseFaultSpec(name, faults);
    const undo = new UndoStack();
    try {
      await dependency.target.apply(tcp, `faults${++this.applyCount}`, undo);
    } catch (err) {
      await undo.drain();
      throw err;
    }
    if (http.length > 0) {
      // Groups stack: the newest group's faults come last, so earlier ones decide first.
      dependency.httpGroups.push(http);
      dependency.http.apply(dependency.httpGroups.flat());
      undo.push(`clear http faults of ${name}`, () => {
        dependency.httpGroups.splice(dependency.httpGroups.indexOf(http), 1);
        if (dependency.httpGroups.length === 0) dependency.http.clear();
        else dependency.http.apply(dependency.httpGroups.flat());
      });
    }
    const run = async () => {
      const failures = await undo.drain();
      if (failures.length > 0) throw undoError(failures.map((f) => f.label));
    };
    this.applied.push(`faults on ${name}`, run);
    return run;
  }

  /** Runs `block` with `faults` on `name`, undoing them when it settles (even when it throws). */
  async with<T>(name: string, faults: FaultSpec, block: () => Promise<T> | T): Promise<T> {
    const undo = await this.apply(name, faults);
    try {
      return await block();
    } finally {
      await undo();
    }
  }

  /**
   * Requests that reached the upstream `name` (only for an upstream given as a request
   * listener, which the session serves itself), oldest first.
   */
  requests(name: string): readonly ReceivedRequest[] {
    const { served } = this.dependency(name);
    if (!served)
      throw new FaultlineError(
        'FAULTLINE_USAGE',
        `Failed to read the requests of upstream "${name}": it is a URL, so faultline cannot see what it receives. Pass a request listener as upstreams.${name} to record them.`,
      );
    return served.received;
  }

  /**
   * The undici interceptor that puts HTTP faults in a client's path: `createClient({
   * interceptors: [session.interceptor] })` or any undici dispatcher's `compose`.
   */
  readonly interceptor: Dispatcher.DispatcherComposeInterceptor = (dispatch) => {
    const byOrigin = new Map<string, Dispatcher.Dispatch>();
    for (const { target, http } of this.dependencies.values())
      byOrigin.set(target.baseUrl, createHttpFaultInterceptor(http)(dispatch));
    return (opts, handler) =>
      (byOrigin.get(String(opts.origin).replace(/\/$/, '')) ?? dispatch)(opts, handler);
  };

  /** An undici Agent with `interceptor`, e.g. `fetch(url, { dispatcher: session.dispatcher })`. */
  get dispatcher(): Dispatcher {
    this.agent ??= new Agent().compose(this.interceptor);
    return this.agent;
  }
  private agent: Dispatcher | undefined;

  /** Undoes every fault applied since the last reset, newest first. */
  async reset(): Promise<void> {
    const failures = await this.applied.drain();
    if (failures.length > 0) throw undoError(failures.map((f) => f.label));
  }

  /** Undoes the faults, removes the proxies, stops what the session started. */
  async close(): Promise<void> {
    await this.applied.drain();
    if (this.agent) await this.agent.close();
    await this.lifetime.drain();
  }

  private dependency(name: string): Dependency {
    const dependency = this.dependencies.get(name);
    if (!dependency)
      throw new InvalidOptionsError('name', `one of ${[...this.dependencies.keys()].join(', ')}`, name);
    return dependency;
  }
}

function hostPortOf(name: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidOptionsError(
      `upstreams.${name}`,
      'an http URL like "http://127.0.0.1:4010" or a request listener',
      url,
    );
  }
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return `${parsed.hostname}:${port}`;
}

function undoError(labels: string[]): FaultlineError {
  return new FaultlineError('FAULTLINE_UNDO_FAILED', `Failed to undo ${labels.join(', ')}: see the cause.`);
}
