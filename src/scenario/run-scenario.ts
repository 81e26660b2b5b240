import type { ClientOptions, RequestOptions } from '../client/client-types.ts';
import type { FaultlineConfig } from '../config/faultline-config-schema.ts';
import { resolveServiceClientOptions, serviceEntry } from '../config/resolve-service-client-options.ts';
import { resolveServiceRequest } from '../config/resolve-service-request.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { startHttpFaultProxies } from '../http-proxy/start-http-fault-proxies.ts';
import type { Clock } from '../time/clock.ts';
import { ManualClock } from '../time/manual-clock.ts';
import { deriveRandom } from '../time/random.ts';
import { systemClock } from '../time/system-clock.ts';
import type { CleanupLedger } from './cleanup-ledger.ts';
import { InProcessDispatcher } from './dispatch/in-process-dispatcher.ts';
import { OriginRouterDispatcher } from './dispatch/origin-router-dispatcher.ts';
import type { EventLogWriter } from './event-log-writer.ts';
import { createHttpFaultInterceptor } from './faults/http/create-http-fault-interceptor.ts';
import { HttpFaultSet } from './faults/http/http-fault-set.ts';
import { TcpFaultTarget } from './faults/tcp/tcp-fault-target.ts';
import { LoadDriver } from './load/load-driver.ts';
import type { LoadedScenario } from './load-scenario-file.ts';
import { planScenario } from './plan-scenario.ts';
import type { ScenarioEnvironment } from './scenario-environment.ts';
import { ScenarioTimeline } from './scenario-timeline.ts';
import { resolveScenarioMode } from './schema/resolve-scenario-mode.ts';
import { UndoStack } from './undo-stack.ts';
import { runInVirtualTime } from './virtual/run-in-virtual-time.ts';
import { toWireRecord } from './wire/to-wire-record.ts';
import { WireLog } from './wire/wire-log.ts';

/** Default client deadline when neither the registry nor the scenario sets one, ms. */
const DEFAULT_DEADLINE_MS = 30_000;

export interface RunScenarioOptions {
  scenario: LoadedScenario;
  config: FaultlineConfig;
  env: ScenarioEnvironment;
  log: EventLogWriter;
  /** Interrupt (SIGINT/SIGTERM): stop the load, undo every fault, keep the log. */
  signal?: AbortSignal;
  /** Follows this scenario's undo stack (what a forced exit would leave behind). */
  cleanup?: CleanupLedger;
  /** Called as the scenario progresses (phase changes, every finished call). */
  onProgress?(progress: ScenarioProgress): void;
}

export interface ScenarioProgress {
  scenario: string;
  phase: string;
  mode: 'real' | 'virtual';
  calls: number;
  ok: number;
  breakerState: string;
}

export interface ScenarioOutcome {
  interrupted: boolean;
  error?: string;
  /** Undos that failed while cleaning up (label and message). */
  cleanupFailures: string[];
}

/**
 * Runs one scenario: builds the client under test against the service (through a
 * Toxiproxy proxy for tcp faults, through the in-process service handler in virtual time),
 * runs the phases on schedule applying and removing their faults, drives the load, and
 * writes every event to the log. Everything that changes the outside world goes on an undo
 * stack that is drained in `finally`, also on interrupt and crash.
 *
 * @example
 * const outcome = await runScenario({ scenario, config, env, log, signal });
 */
export async function runScenario(o: RunScenarioOptions): Promise<ScenarioOutcome> {
  const { scenario, log } = o;
  const mode = resolveScenarioMode(scenario);
  const clock: Clock = mode === 'virtual' ? new ManualClock() : systemClock;
  const timeline = new ScenarioTimeline(clock.now(), scenario.phases);
  const rel = () => clock.now() - timeline.t0;
  const undo = new UndoStack();
  const untrack = o.cleanup?.track(undo);
  const outcome: ScenarioOutcome = { interrupted: false, cleanupFailures: [] };
  let driver: LoadDriver | undefined;

  let wireEndpointOf: (origin: string) => number | undefined = () => undefined;
  const wire = new WireLog({
    clock,
    onEntry: (entry) =>
      log.write(
        toWireRecord(entry, {
          scenario: scenario.name,
          t0: timeline.t0,
          phaseAt: (reading) => timeline.phaseAt(reading),
          endpointOf: (origin) => wireEndpointOf(origin),
        }),
      ),
  });

  const body = async () => {
    const { options, request, endpointOf, upstreamEndpointOf } = await prepareClient(
      o,
      mode,
      clock,
      undo,
      wire,
    );
    wireEndpointOf = upstreamEndpointOf;
    const target = o.env.createClient(options.client);
    undo.push('close the client', () => target.close());
    log.write({
      type: 'scenario-start',
      ...planScenario(scenario, o.env.clientModule),
      client: {
        ...(redact(options.client) as object),
        // What a custom client reports: hypotheses needing missing evidence fail as inconclusive.
        ...(o.env.customClient
          ? {
              adapter: {
                reportsAttempts: target.onAttempt !== undefined,
                reportsBreaker: target.onBreakerStateChange !== undefined,
              },
            }
          : {}),
      },
      wire: mode === 'real' ? 'proxy' : 'interceptor',
      t: rel(),
    });
    const deadlineMs = options.client.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const load = new LoadDriver({
      target,
      clock,
      scenario: scenario.name,
      t0: timeline.t0,
      concurrency: scenario.load.concurrency,
      ratePerSec: scenario.load.ratePerSec,
      maxCalls: scenario.load.maxCalls,
      request,
      endpointOf,
      deadlineMs,
      // Real timers fire a little late under load; virtual ones never do.
      deadlineSlackMs: mode === 'virtual' ? 0 : Math.max(50, deadlineMs * 0.05),
      phaseAt: (reading) => timeline.phaseAt(reading),
      record: (event) => {
        log.write(event);
        if (event.type === 'call') progress();
      },
    });
    driver = load;
    let phaseName = scenario.phases[0]!.name;
    const progress = () =>
      o.onProgress?.({
        scenario: scenario.name,
        phase: phaseName,
        mode,
        calls: load.finished,
        ok: load.ok,
        breakerState: target.breaker?.state ?? 'n/a',
      });

    for (const [index, phase] of scenario.phases.entries()) {
      phaseName = phase.name;
      log.write({ type: 'phase-start', scenario: scenario.name, phase: phase.name, index, t: rel() });
      const phaseUndo = new UndoStack();
      undo.push(`remove the faults of phase ${phase.name}`, () => phaseUndo.drain());
      await applyFaults(o, phase, options.faults, phaseUndo, rel);
      if (index === 0) load.start();
      progress();
      const wait = timeline.ends[index]! - clock.now();
      if (wait > 0) await clock.sleep(wait, o.signal);
      if (o.signal?.aborted) throw o.signal.reason;
      const failures = await phaseUndo.drain();
      if (failures.length > 0)
        throw new AggregateError(
          failures.map((f) => f.error),
          `Failed to remove the faults of phase ${phase.name}: ${failures.map((f) => `${f.label}: ${(f.error as Error)?.message ?? String(f.error)}`).join('; ')}`,
        );
      for (const fault of phase.faults) {
        const level = fault.tcp ? 'tcp' : 'http';
        log.write({
          type: 'fault',
          scenario: scenario.name,
          phase: phase.name,
          action: 'removed',
          level,
          fault: fault.tcp ?? fault.http,
          t: rel(),
        });
      }
      log.write({ type: 'phase-end', scenario: scenario.name, phase: phase.name, index, t: rel() });
    }
    await load.stop();
  };

  try {
    await (clock instanceof ManualClock ? runInVirtualTime(clock, body()) : body());
  } catch (err) {
    if (o.signal?.aborted) outcome.interrupted = true;
    else outcome.error = err instanceof Error ? err.message : String(err);
    // Stop the load first so no call starts while faults are being removed.
    const stopping = driver?.abort(new FaultlineError('FAULTLINE_ABORTED', 'The scenario was stopped'));
    if (stopping) await (clock instanceof ManualClock ? runInVirtualTime(clock, stopping) : stopping);
  } finally {
    const failures = await undo.drain();
    untrack?.();
    outcome.cleanupFailures = failures.map(
      (f) => `${f.label}: ${(f.error as Error)?.message ?? String(f.error)}`,
    );
    log.write({
      type: 'scenario-end',
      scenario: scenario.name,
      t: rel(),
      interrupted: outcome.interrupted,
      ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      ...(outcome.cleanupFailures.length > 0 ? { cleanupFailures: outcome.cleanupFailures } : {}),
    });
    await log.flush();
  }
  return outcome;
}

interface PreparedClient {
  options: { client: ClientOptions; faults: { http: HttpFaultSet; tcp: TcpFaultTarget[] } };
  request: RequestOptions & { idempotencyKey?: string };
}

/**
 * Client options (registry + scenario overrides), the upstream instances, and the fault
 * injectors. With `upstreams: N` (or any endpoint feature configured) the client gets the
 * instances as `endpoints`:
 *
 *   virtual: N in-process handlers, origins http://<service>-<i>.virtual, one router dispatcher
 *   real:    N Toxiproxy proxies in front of the reference service (one without tcp faults and N = 1)
 */
async function prepareClient(
  o: RunScenarioOptions,
  mode: 'real' | 'virtual',
  clock: Clock,
  undo: UndoStack,
  wire: WireLog,
) {
  const { scenario, config, env } = o;
  const entry = serviceEntry(config, scenario.service);
  const resolved = resolveServiceClientOptions(config, scenario.service, scenario.client ?? {});
  const upstreams = scenario.upstreams;
  const client: ClientOptions = {
    ...resolved,
    baseUrl: '',
    clock,
    seed: scenario.seed,
    random: deriveRandom(scenario.seed, 'client'),
  };
  /** Origin of each upstream instance, in order (endpoint i is origins[i - 1]). */
  let origins: string[];
  /** Path prefix of a real upstream's baseUrl, kept on the client's. */
  let prefix = '';
  const tcp: TcpFaultTarget[] = [];
  if (mode === 'virtual') {
    if (!entry.reference) {
      throw new FaultlineError(
        'FAULTLINE_SCENARIO_INVALID',
        `${scenario.file}: service "${scenario.service}" has no reference service, so it cannot run in virtual time. Set mode: real.`,
      );
    }
    const reference = entry.reference;
    origins =
      upstreams === 1
        ? [`http://${scenario.service}.virtual`]
        : Array.from({ length: upstreams }, (_, i) => `http://${scenario.service}-${i + 1}.virtual`);
    const dispatcher =
      upstreams === 1
        ? new InProcessDispatcher(env.serviceHandler(reference))
        : new OriginRouterDispatcher(
            new Map(
              origins.map((origin) => [origin, new InProcessDispatcher(env.serviceHandler(reference))]),
            ),
          );
    undo.push('close the in-process upstream', () => dispatcher.close());
    client.dispatcher = dispatcher;
    client.baseUrl = origins[0]!;
  } else {
    const upstream = resolved.baseUrl ?? (entry.reference ? env.serviceUrl(entry.reference) : undefined);
    if (!upstream) {
      throw new FaultlineError(
        'FAULTLINE_SCENARIO_INVALID',
        `${scenario.file}: service "${scenario.service}" has neither a baseUrl nor a reference service in faultline.config.yaml.`,
      );
    }
    const url = new URL(upstream);
    prefix = url.pathname === '/' ? '' : url.pathname;
    origins = [url.origin];
    if (upstreams > 1 || scenario.phases.some((p) => p.faults.some((f) => f.tcp))) {
      if (!env.toxiproxy)
        throw new FaultlineError('FAULTLINE_RUN_USAGE', 'tcp faults and upstreams > 1 need a Toxiproxy API');
      for (let i = 1; i <= upstreams; i++) {
        const name = `${env.proxyNamePrefix ?? 'faultline-'}${slug(scenario.name)}${upstreams === 1 ? '' : `-${i}`}`;
        tcp.push(
          await TcpFaultTarget.create({
            toxiproxyUrl: env.toxiproxy.url,
            name,
            upstream: url.host,
            listenOnPortZero: !env.toxiproxy.external,
            undo,
          }),
        );
      }
      origins = tcp.map((t) => new URL(t.baseUrl).origin);
    }
  }
  const usesEndpoints =
    upstreams > 1 ||
    resolved.loadBalancing !== undefined ||
    resolved.outlierDetection !== undefined ||
    resolved.healthCheck !== undefined;
  const http = new HttpFaultSet({
    clock,
    random: deriveRandom(scenario.seed, 'http-faults'),
    endpointOrigins: origins,
  });
  // Real time: HTTP faults and the wire log live in a proxy in front of each upstream, so any
  // client sees them through its baseUrl. Virtual time: in an interceptor the client composes.
  const clientOrigins = mode === 'real' ? await startHttpFaultProxies(origins, http, wire, undo) : origins;
  if (mode === 'real') client.baseUrl = `${clientOrigins[0]}${prefix}`;
  else client.interceptors = [createHttpFaultInterceptor(http, wire)];
  if (usesEndpoints) client.endpoints = clientOrigins.map((url) => ({ url }));
  const indexIn =
    (list: readonly string[]) =>
    (origin: string): number | undefined => {
      const index = list.indexOf(origin);
      return index < 0 ? undefined : index + 1;
    };
  const endpointOf = indexIn(clientOrigins);
  const upstreamEndpointOf = upstreams > 1 ? indexIn(origins) : () => undefined;
  const spec = resolveServiceRequest(config, scenario.service, scenario.load.request);
  const request: PreparedClient['request'] = { method: spec.method, path: spec.path };
  if (spec.query) request.query = spec.query;
  if (spec.headers) request.headers = spec.headers;
  if (spec.json !== undefined) request.json = spec.json;
  if (spec.body !== undefined) request.body = spec.body;
  if (spec.idempotencyKey !== undefined) request.idempotencyKey = spec.idempotencyKey;
  return { options: { client, faults: { http, tcp } }, request, endpointOf, upstreamEndpointOf };
}

async function applyFaults(
  o: RunScenarioOptions,
  phase: LoadedScenario['phases'][number],
  faults: PreparedClient['options']['faults'],
  phaseUndo: UndoStack,
  rel: () => number,
): Promise<void> {
  const tcp = phase.faults.flatMap((f) => (f.tcp ? [f.tcp] : []));
  const http = phase.faults.flatMap((f) => (f.http ? [f.http] : []));
  if (tcp.length > 0) {
    for (const [i, target] of faults.tcp.entries()) {
      const mine = tcp.filter((f) => f.endpoint === undefined || f.endpoint === i + 1);
      if (mine.length > 0) await target.apply(mine, phase.name, phaseUndo);
    }
  }
  if (http.length > 0) {
    faults.http.apply(http);
    phaseUndo.push(`clear the http faults of phase ${phase.name}`, () => faults.http.clear());
  }
  for (const fault of phase.faults) {
    const level = fault.tcp ? 'tcp' : 'http';
    o.log.write({
      type: 'fault',
      scenario: o.scenario.name,
      phase: phase.name,
      action: 'applied',
      level,
      fault: fault.tcp ?? fault.http,
      t: rel(),
    });
  }
}

/** Client options as JSON for the log: no functions or objects with state, no header values. */
function redact(options: ClientOptions): unknown {
  const { clock: _c, random: _r, dispatcher: _d, interceptors: _i, headers, ...rest } = options;
  return {
    ...rest,
    ...(headers ? { headers: Object.fromEntries(Object.keys(headers).map((k) => [k, '<redacted>'])) } : {}),
  };
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
