import type { LoadedScenario } from '../load-scenario-file.ts';
import type { ScenarioFaults } from '../topology/scenario-topology.ts';
import type { UndoStack } from '../undo-stack.ts';

/**
 * Applies the faults of one phase: its tcp faults to the Toxiproxy proxy of each upstream
 * they target (`endpoint: i`, or every one), its HTTP faults to the fault set. Every change
 * pushes its undo on `phaseUndo`, which the phase loop drains when the phase ends.
 *
 * @example
 * await applyPhaseFaults(phase, topology.faults, phaseUndo);
 */
export async function applyPhaseFaults(
  phase: LoadedScenario['phases'][number],
  faults: ScenarioFaults,
  phaseUndo: UndoStack,
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
}
