import { FaultlineError } from '../errors/faultline-error.ts';

/**
 * The name filter (`grep` of runScenarios) matched no scenario. Carries the filter so a
 * front end can word it in its own terms (the CLI says `--grep`).
 */
export class NoScenarioMatchesError extends FaultlineError {
  readonly grep: string | undefined;

  constructor(grep: string | undefined) {
    super(
      'FAULTLINE_SCENARIO_NOT_FOUND',
      `Failed to select scenarios: none matches the name filter (grep) ${JSON.stringify(grep)}. Check the pattern against the scenario names.`,
    );
    this.grep = grep;
  }
}

/**
 * A reporter given to runScenarios only prints (console): the run already prints its
 * summary, and reporters there are files. Carries the name (the CLI says `--reporter`).
 */
export class PrintOnlyReporterError extends FaultlineError {
  readonly reporter: string;

  constructor(reporter: string) {
    super(
      'FAULTLINE_RUN_USAGE',
      `reporters: expected reporters that write a file (json, html, markdown, junit); "${reporter}" only prints, and the run prints its summary anyway.`,
    );
    this.reporter = reporter;
  }
}
