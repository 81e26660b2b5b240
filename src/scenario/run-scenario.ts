import type { FaultlineConfig } from '../config/faultline-config-schema.ts';
import { CLIENT_DEFAULTS } from '../config/options/client-defaults.ts';
import { AbortedError } from '../errors/aborted-error.ts';
import type { FaultlineErrorCode } from '../errors/error-codes.ts';
import { isFaultlineError } from '../errors/faultline-error.ts';
import type { Clock } from '../time/clock.ts';
import { ManualClock } from '../time/manual-clock.ts';
import { systemClock } from '../time/system-clock.ts';
import type { CleanupLedger } from './cleanup-ledger.ts';
import type { EventLogWriter } from './event-log-writer.ts';
import { LoadDriver } from './load/load-driver.ts';
import { scenarioRequest } from './load/scenario-request.ts';
import type { LoadedScenario } from './load-scenario-file.ts';
import { runPhases } from './run-phases.ts';
import type { ScenarioEnvironment } from './scenario-environment.ts';
import { ScenarioEventLog } from './scenario-event-log.ts';
import { ScenarioTimeline } from './scenario-timeline.ts';
import { resolveScenarioMode } from './schema/resolve-scenario-mode.ts';
import { scenarioTopology } from './topology/scenario-topology.ts';
import { describeUndoFailure, UndoStack } from './undo-stack.ts';
import { runInVirtualTime } from './virtual/run-in-virtual-time.ts';
import { toWireRecord } from './wire/to-wire-record.ts';
import { WireLog } from './wire/wire-log.ts';

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
  /** The code of the error, when it is a FaultlineError (the CLI adds its advice by code). */
  errorCode?: FaultlineErrorCode;
  /** Undos that failed while cleaning up (label and message). */
  cleanupFailures: string[];
}

/**
 * Runs one scenario: builds the client under test against the service (through a
 * Toxiproxy proxy for tcp faults, through the in-process service handler in virtual time;
 * topology/scenario-topology.ts), runs the phases on schedule applying and removing their
 * faults (run-phases.ts), drives the load, and writes every event to the log
 * (scenario-event-log.ts). Everything that changes the outside world goes on an undo stack
 * that is drained in `finally`, also on interrupt and crash.
 *
 * @example
 * const outcome = await runScenario({ scenario, config, env, log, signal });
 */
export async function runScenario(o: RunScenarioOptions): Promise<ScenarioOutcome> {
  const { scenario, log } = o;
  const mode = resolveScenarioMode(scenario);
  const clock: Clock = mode === 'virtual' ? new ManualClock() : systemClock;
  const timeline = new ScenarioTimeline(clock.now(), scenario.phases);
  const events = new ScenarioEventLog(log, scenario, () => clock.now() - timeline.t0);
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
    const topology = await scenarioTopology(scenario, o.config, o.env, { mode, clock, undo, wire });
    wireEndpointOf = topology.upstreamEndpointOf;
    const target = o.env.createClient(topology.client);
    undo.push('close the client', () => target.close());
    events.start(o.env, topology.client, target, mode);
    const deadlineMs = topology.client.deadlineMs ?? CLIENT_DEFAULTS.deadlineMs;
    let phaseName = scenario.phases[0]!.name;
    const load = new LoadDriver({
      target,
      clock,
      scenario: scenario.name,
      t0: timeline.t0,
      concurrency: scenario.load.concurrency,
      ratePerSec: scenario.load.ratePerSec,
      maxCalls: scenario.load.maxCalls,
      request: scenarioRequest(o.config, scenario),
      endpointOf: topology.endpointOf,
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
    const progress = () =>
      o.onProgress?.({
        scenario: scenario.name,
        phase: phaseName,
        mode,
        calls: load.finished,
        ok: load.ok,
        breakerState: target.breaker?.state ?? 'n/a',
      });
    await runPhases({
      scenario,
      clock,
      timeline,
      events,
      faults: topology.faults,
      load,
      undo,
      signal: o.signal,
      onPhase: (phase, inForce) => {
        phaseName = phase;
        if (inForce) progress();
      },
    });
  };

  try {
    await (clock instanceof ManualClock ? runInVirtualTime(clock, body()) : body());
  } catch (err) {
    if (o.signal?.aborted) outcome.interrupted = true;
    else {
      outcome.error = err instanceof Error ? err.message : String(err);
      if (isFaultlineError(err)) outcome.errorCode = err.code;
    }
    // Stop the load first so no call starts while faults are being removed.
    const stopping = driver?.abort(new AbortedError(scenario.service));
    if (stopping) await (clock instanceof ManualClock ? runInVirtualTime(clock, stopping) : stopping);
  } finally {
    const failures = await undo.drain();
    untrack?.();
    outcome.cleanupFailures = failures.map(describeUndoFailure);
    events.end(outcome);
    await log.flush();
  }
  return outcome;
}
