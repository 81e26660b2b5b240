/**
 * The one shape of list flags across commands: repeat the flag, or separate values with
 * commas (`--reporter json --reporter html` = `--reporter json,html`). Variadic flags
 * (`--reporter a b`) are not used: they would swallow the file arguments that follow.
 *
 * @example
 * command.option('--reporter <names>', 'reporters (repeatable, or comma-separated)', collectList)
 */
export function collectList(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  ];
}
