import { FaultlineError } from '../errors/faultline-error.ts';

/**
 * A command-line input that commander's own parsing cannot judge (a `--report-dir` that is
 * a file, a bad URL in an environment variable). The CLI prints its message on one line
 * and exits 2.
 *
 * @example
 * throw new CliUsageError('--report-dir reports/x: expected a directory, but it is a file.');
 */
export class CliUsageError extends FaultlineError {
  constructor(message: string) {
    super('FAULTLINE_CLI_USAGE', message);
  }
}
