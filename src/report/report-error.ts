import { FaultlineError } from '../errors/faultline-error.ts';

/**
 * Stable codes of the errors the report module throws:
 * - FAULTLINE_REPORT_NOT_FOUND: the event log or run directory does not exist.
 * - FAULTLINE_REPORT_INVALID: the event log or report.json cannot be read (bad line, wrong version).
 * - FAULTLINE_REPORTER_NOT_FOUND: an unknown reporter name was asked for.
 * - FAULTLINE_REPORT_USAGE: a CLI argument (threshold, directory list) is malformed.
 */
export type ReportErrorCode =
  | 'FAULTLINE_REPORT_NOT_FOUND'
  | 'FAULTLINE_REPORT_INVALID'
  | 'FAULTLINE_REPORTER_NOT_FOUND'
  | 'FAULTLINE_REPORT_USAGE';

/**
 * Failed to read, build or write a report. The message names the file (and line), what was
 * expected, what was found and how to fix it.
 *
 * @example
 * throw new ReportError('FAULTLINE_REPORT_NOT_FOUND', 'Failed to read runs/x/events.ndjson: no such file. Run `faultline run` first.');
 */
export class ReportError extends FaultlineError {
  declare readonly code: ReportErrorCode;

  constructor(code: ReportErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
