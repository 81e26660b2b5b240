import type { PlannedScenario } from '../report/run-events.ts';
import type { LoadedScenario } from './load-scenario-file.ts';
import { resolveScenarioMode } from './schema/resolve-scenario-mode.ts';

/**
 * What the run log records about a scenario before it starts (the `run-plan` event) and
 * again when it starts (`scenario-start`): enough for the report to list it, with its
 * replay command, even when it errors before its first phase.
 *
 * @example
 * log.write({ type: 'run-plan', scenarios: scenarios.map((s) => planScenario(s, clientModule)), t: 0 });
 */
export function planScenario(scenario: LoadedScenario, clientModule?: string): PlannedScenario {
  return {
    scenario: scenario.name,
    file: scenario.file,
    seed: scenario.seed,
    mode: resolveScenarioMode(scenario),
    service: scenario.service,
    replayCommand: replayCommand(scenario.file, scenario.seed, clientModule),
    ...(clientModule !== undefined ? { clientModule } : {}),
    phases: scenario.phases.map((p) => ({ name: p.name, durationMs: p.durationMs, faults: p.faults })),
    hypotheses: scenario.hypotheses,
    load: scenario.load,
  };
}

/**
 * The command that replays one scenario: its file, its seed and, when the run drove a
 * user's client, the same `--client` module (without it a replay would test another client).
 *
 * @example
 * replayCommand('scenarios/x.yaml', 7, './my client.ts'); // "npx faultline run scenarios/x.yaml --seed 7 --client './my client.ts'"
 */
export function replayCommand(file: string, seed: number, clientModule?: string): string {
  const parts = ['npx faultline run', shellWord(file), '--seed', String(seed)];
  if (clientModule !== undefined) parts.push('--client', shellWord(clientModule));
  return parts.join(' ');
}

/** A word a POSIX shell reads back as is: bare when safe, single-quoted otherwise. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
