import type { RunResult } from '../run-result.ts';

/**
 * A reporter renders the one computed RunResult into one artefact. Reporters are pure
 * (result in, text out), so `writeReports` can render every one before writing any file.
 */
export interface Reporter {
  /** Name used to select it: `json`, `html`, `markdown`, `junit`, `console`. */
  readonly name: string;
  /** File written in the report directory, or undefined for reporters that only print. */
  readonly fileName: string | undefined;
  render(result: RunResult, options?: RenderOptions): string;
}

export interface RenderOptions {
  /** Colour the output with ANSI escapes (console only). @default false */
  color?: boolean;
}
