import { FaultlineError } from '../errors/faultline-error.ts';

/** A scenario path or glob matched no file. */
export class ScenarioNotFoundError extends FaultlineError {
  readonly pattern: string;

  constructor(pattern: string, cwd: string) {
    super(
      'FAULTLINE_SCENARIO_NOT_FOUND',
      `Failed to find scenarios: "${pattern}" matched no .yaml file under ${cwd}. ` +
        'Pass an existing file or glob, or create one with `faultline new scenario NAME`.',
    );
    this.pattern = pattern;
  }
}
