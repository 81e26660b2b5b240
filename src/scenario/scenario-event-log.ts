import type { ClientOptions } from '../client/client-types.ts';
import { redactorFor } from '../redaction/redactor-for.ts';
import type { EventLogWriter } from './event-log-writer.ts';
import type { LoadTarget } from './load/load-target.ts';
import type { LoadedScenario } from './load-scenario-file.ts';
import { planScenario } from './plan-scenario.ts';
import type { ScenarioEnvironment } from './scenario-environment.ts';

type Phase = LoadedScenario['phases'][number];

/**
 * The events one scenario writes about itself (scenario-start/end, phase-start/end, fault
 * applied/removed), each stamped with the scenario's name and `t` on its clock. Calls,
 * attempts and wire records are written by the load driver and the wire log.
 *
 * @example
 * const events = new ScenarioEventLog(log, scenario, () => clock.now() - timeline.t0);
 * events.phaseStart(phase, 0);
 */
export class ScenarioEventLog {
  constructor(
    readonly log: EventLogWriter,
    private readonly scenario: LoadedScenario,
    /** ms since the scenario start on its clock. */
    readonly rel: () => number,
  ) {}

  start(env: ScenarioEnvironment, client: ClientOptions, target: LoadTarget, mode: 'real' | 'virtual'): void {
    this.log.write({
      type: 'scenario-start',
      ...planScenario(this.scenario, env.clientModule),
      client: {
        ...clientOptionsForLog(client),
        // What a custom client reports: hypotheses needing missing evidence fail as inconclusive.
        ...(env.customClient
          ? {
              adapter: {
                reportsAttempts: target.onAttempt !== undefined,
                reportsBreaker: target.onBreakerStateChange !== undefined,
              },
            }
          : {}),
      },
      wire: mode === 'real' ? 'proxy' : 'interceptor',
      t: this.rel(),
    });
  }

  phaseStart(phase: Phase, index: number): void {
    this.log.write({
      type: 'phase-start',
      scenario: this.scenario.name,
      phase: phase.name,
      index,
      t: this.rel(),
    });
  }

  phaseEnd(phase: Phase, index: number): void {
    this.log.write({
      type: 'phase-end',
      scenario: this.scenario.name,
      phase: phase.name,
      index,
      t: this.rel(),
    });
  }

  /** One `fault` event per fault of the phase, in the order written. */
  faults(phase: Phase, action: 'applied' | 'removed'): void {
    for (const fault of phase.faults) {
      this.log.write({
        type: 'fault',
        scenario: this.scenario.name,
        phase: phase.name,
        action,
        level: fault.tcp ? 'tcp' : 'http',
        fault: fault.tcp ?? fault.http,
        t: this.rel(),
      });
    }
  }

  end(outcome: { interrupted: boolean; error?: string; cleanupFailures: string[] }): void {
    this.log.write({
      type: 'scenario-end',
      scenario: this.scenario.name,
      t: this.rel(),
      interrupted: outcome.interrupted,
      ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      ...(outcome.cleanupFailures.length > 0 ? { cleanupFailures: outcome.cleanupFailures } : {}),
    });
  }
}

/**
 * Client options as JSON for the log: without the clock, random source, dispatcher and
 * interceptors (objects with state, not settings), through the client's own Redactor (its
 * `redact` options and credentials). Default header values are never shown, secret-named or
 * not (a header set for a service is the user's, the log is shared): every configured header
 * name is treated as a secret one.
 */
export function clientOptionsForLog(options: ClientOptions): object {
  const { clock: _c, random: _r, dispatcher: _d, interceptors: _i, ...settings } = options;
  const headerNames = Object.keys(options.headers ?? {});
  const redactor = redactorFor({
    ...options,
    redact: { ...options.redact, headers: [...(options.redact?.headers ?? []), ...headerNames] },
  });
  return redactor.value(settings) as object;
}
