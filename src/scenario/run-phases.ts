import type { Clock } from '../time/clock.ts';
import { applyPhaseFaults } from './faults/apply-phase-faults.ts';
import type { LoadDriver } from './load/load-driver.ts';
import type { LoadedScenario } from './load-scenario-file.ts';
import type { ScenarioEventLog } from './scenario-event-log.ts';
import type { ScenarioTimeline } from './scenario-timeline.ts';
import type { ScenarioFaults } from './topology/scenario-topology.ts';
import { describeUndoFailure, UndoStack } from './undo-stack.ts';

export interface RunPhasesOptions {
  scenario: LoadedScenario;
  clock: Clock;
  timeline: ScenarioTimeline;
  events: ScenarioEventLog;
  faults: ScenarioFaults;
  load: LoadDriver;
  /** The scenario's undo stack: each phase pushes the removal of its faults on it. */
  undo: UndoStack;
  signal?: AbortSignal;
  /**
   * Called when a phase starts (`inForce` false, before its faults are applied) and again
   * once its faults are in force and the load runs (`inForce` true).
   */
  onPhase?(phase: string, inForce: boolean): void;
}

/**
 * The phase loop: for each phase in order, applies its faults (starting the load with the
 * first), waits until the phase's scheduled end on the scenario's clock, removes its faults
 * and logs it all; then stops the load. Removing a phase's faults is pushed on the
 * scenario's undo stack too, so an interrupt or crash mid-phase still removes them.
 *
 * @example
 * await runPhases({ scenario, clock, timeline, events, faults, load, undo, signal });
 */
export async function runPhases(o: RunPhasesOptions): Promise<void> {
  const { scenario, clock, timeline, events, load } = o;
  for (const [index, phase] of scenario.phases.entries()) {
    o.onPhase?.(phase.name, false);
    events.phaseStart(phase, index);
    const phaseUndo = new UndoStack();
    o.undo.push(`remove the faults of phase ${phase.name}`, () => phaseUndo.drain());
    await applyPhaseFaults(phase, o.faults, phaseUndo);
    events.faults(phase, 'applied');
    if (index === 0) load.start();
    o.onPhase?.(phase.name, true);
    const wait = timeline.ends[index]! - clock.now();
    if (wait > 0) await clock.sleep(wait, o.signal);
    if (o.signal?.aborted) throw o.signal.reason;
    const failures = await phaseUndo.drain();
    if (failures.length > 0)
      throw new AggregateError(
        failures.map((f) => f.error),
        `Failed to remove the faults of phase ${phase.name}: ${failures.map(describeUndoFailure).join('; ')}`,
      );
    events.faults(phase, 'removed');
    events.phaseEnd(phase, index);
  }
  await load.stop();
}
