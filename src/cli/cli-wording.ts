import type { Command } from 'commander';
import type { FaultlineErrorCode } from '../errors/error-codes.ts';
import type { FaultlineError } from '../errors/faultline-error.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { NoScenarioMatchesError, PrintOnlyReporterError } from '../scenario/scenario-selection-errors.ts';

/**
 * A command's flags by the name of the API option they set (`baseUrl` -> `--base-url`).
 * Library messages name no flag: they name the option in backticks (`force`, `portBase`),
 * and each command words them with its own flags.
 */
export type FlagNames = Readonly<Record<string, string>>;

/**
 * The flags of a command by the API option they set, read from its commander options (one
 * definition of each flag): an option's attribute name (`--base-url` -> `baseUrl`) is the
 * API's name unless `renamed` maps the API's name to it (`{ timeoutMs: 'timeout' }`).
 *
 * @example
 * flagsOf(command, { timeoutMs: 'timeout' }).timeoutMs; // '--timeout'
 */
export function flagsOf(command: Command, renamed: Readonly<Record<string, string>> = {}): FlagNames {
  const flags: Record<string, string> = {};
  for (const option of command.options) if (option.long) flags[option.attributeName()] = option.long;
  for (const [api, attribute] of Object.entries(renamed)) {
    const flag = flags[attribute];
    if (flag !== undefined) flags[api] = flag;
  }
  return flags;
}

/**
 * Text of the library (an error message, a result message) in the command line's words:
 * every backticked option name the command has a flag for becomes that flag.
 *
 * @example
 * withFlags('Nothing was written; pass `force` to replace them.', { force: '--force' });
 * // 'Nothing was written; pass --force to replace them.'
 */
export function withFlags(text: string, flags: FlagNames): string {
  return text.replace(/`([A-Za-z][\w.]*)`/g, (whole, name: string) => flags[name] ?? whole);
}

/**
 * The CLI's wording of a library error: an invalid option is named by its flag, the
 * options a message mentions by theirs, and the errors that carry the option's value are
 * worded from it (the library speaks of `grep` and `reporters`, the command line of
 * `--grep` and `--reporter`). `hints` adds the command's own advice after an error of a
 * code (which flag fixes it), where the library cannot know which option its caller set.
 *
 * @example
 * io.stderr.write(`faultline init: ${cliWording(err, { service: '--service' })}\n`);
 */
export function cliWording(
  err: FaultlineError,
  flags: FlagNames = {},
  hints: Partial<Record<FaultlineErrorCode, string>> = {},
): string {
  const hint = hints[err.code];
  const message = wording(err, flags);
  return hint === undefined ? message : `${message} ${hint}`;
}

function wording(err: FaultlineError, flags: FlagNames): string {
  if (err instanceof NoScenarioMatchesError)
    return `Failed to select scenarios: none matches --grep ${JSON.stringify(err.grep)}. Check the pattern against the scenario names.`;
  if (err instanceof PrintOnlyReporterError)
    return `--reporter ${err.reporter}: expected a reporter that writes a file (json, html, markdown, junit); "${err.reporter}" only prints, and faultline run prints its summary anyway.`;
  const flag = err instanceof InvalidOptionsError ? flags[err.field] : undefined;
  if (flag !== undefined && err.message.startsWith(`${(err as InvalidOptionsError).field}: `))
    return withFlags(`${flag}${err.message.slice((err as InvalidOptionsError).field.length)}`, flags);
  return withFlags(err.message, flags);
}
