/**
 * The one decision whether Faultline's own console output is coloured. Every command and
 * the console reporter ask this function; nothing else reads NO_COLOR or isTTY for colour.
 *
 * Off when `NO_COLOR` is set to anything non-empty (https://no-color.org), when
 * `FORCE_COLOR` is `0` or `false`, when `TERM=dumb`, and when the stream is not a TTY
 * (a pipe, a file, CI logs); `FORCE_COLOR` set to anything else turns it on for a non-TTY.
 * NO_COLOR wins over FORCE_COLOR.
 *
 * @example
 * consoleReporter.render(result, { color: colorEnabled(io.stdout, io.env) });
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined && force !== '') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
