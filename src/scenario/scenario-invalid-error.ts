import { type InputIssue, issuesMessage } from '../config/yaml/input-issue.ts';
import { FaultlineError } from '../errors/faultline-error.ts';

/**
 * One or more scenario files are invalid. Carries every issue found (not only the first),
 * each with its file, line, column and field path. Thrown before anything is started.
 *
 * @example
 * catch (err) { if (err instanceof ScenarioInvalidError) for (const i of err.issues) console.log(i.line); }
 */
export class ScenarioInvalidError extends FaultlineError {
  readonly issues: InputIssue[];

  constructor(issues: InputIssue[]) {
    super('FAULTLINE_SCENARIO_INVALID', issuesMessage('scenario', issues, 'docs/scenario-format.md'));
    this.issues = issues;
  }
}
