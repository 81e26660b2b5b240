import { ReportError } from '../report-error.ts';
import { consoleReporter } from './console.ts';
import { htmlReporter } from './html.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import { markdownReporter } from './markdown.ts';
import type { Reporter } from './reporter.ts';

/** Every built-in reporter by name. */
export const reporters: ReadonlyMap<string, Reporter> = new Map(
  [jsonReporter, htmlReporter, markdownReporter, junitReporter, consoleReporter].map((r) => [r.name, r]),
);

/** The reporters `writeReports` uses when none are named. */
export const DEFAULT_REPORTERS: readonly string[] = ['json', 'html', 'markdown', 'junit'];

/** The reporter called `name`; throws FAULTLINE_REPORTER_NOT_FOUND listing the known names. */
export function getReporter(name: string): Reporter {
  const reporter = reporters.get(name);
  if (reporter === undefined) {
    throw new ReportError(
      'FAULTLINE_REPORTER_NOT_FOUND',
      `Failed to select reporter ${JSON.stringify(name)}: no such reporter. Use one of ${[...reporters.keys()].join(', ')}.`,
    );
  }
  return reporter;
}
