import type { Reporter } from './reporter.ts';

/**
 * report.json: the RunResult verbatim (versioned by `schemaVersion`, described by
 * src/report/report.schema.json and docs/report-format.md).
 */
export const jsonReporter: Reporter = {
  name: 'json',
  fileName: 'report.json',
  render(result) {
    return `${JSON.stringify(result, null, 2)}\n`;
  },
};
