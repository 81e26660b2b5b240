import type { Dispatcher } from 'undici';
import { unplacedIssue } from '../../config/yaml/input-issue.ts';
import { InProcessDispatcher } from '../dispatch/in-process-dispatcher.ts';
import { OriginRouterDispatcher } from '../dispatch/origin-router-dispatcher.ts';
import type { LoadedScenario } from '../load-scenario-file.ts';
import type { ScenarioEnvironment } from '../scenario-environment.ts';
import { ScenarioInvalidError } from '../scenario-invalid-error.ts';
import type { UndoStack } from '../undo-stack.ts';

/**
 * The upstream instances of a scenario in virtual time: `upstreams` in-process handlers of
 * the reference service, at origins `http://<service>.virtual` (one) or
 * `http://<service>-<i>.virtual` (several, behind one router dispatcher).
 *
 * @example
 * const { origins, dispatcher } = virtualUpstreams(scenario, entry.reference, env, undo);
 */
export function virtualUpstreams(
  scenario: LoadedScenario,
  reference: string | undefined,
  env: ScenarioEnvironment,
  undo: UndoStack,
): { origins: string[]; dispatcher: Dispatcher } {
  if (!reference) {
    // Checked when the scenario is loaded (scenario-cross-checks.ts); here for a registry changed since.
    throw new ScenarioInvalidError([
      unplacedIssue(
        scenario.file,
        'mode',
        `service "${scenario.service}" has no reference service, so it cannot run in virtual time. Set mode: real.`,
      ),
    ]);
  }
  const n = scenario.upstreams;
  const origins =
    n === 1
      ? [`http://${scenario.service}.virtual`]
      : Array.from({ length: n }, (_, i) => `http://${scenario.service}-${i + 1}.virtual`);
  const dispatcher =
    n === 1
      ? new InProcessDispatcher(env.serviceHandler(reference))
      : new OriginRouterDispatcher(
          new Map(origins.map((origin) => [origin, new InProcessDispatcher(env.serviceHandler(reference))])),
        );
  undo.push('close the in-process upstream', () => dispatcher.close());
  return { origins, dispatcher };
}
