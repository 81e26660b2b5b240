/** toxiproxy-server's flags, by Go flag name: whether each takes a value. */
const TOXIPROXY_SERVER_FLAGS: Record<string, 'value' | 'bool'> = {
  host: 'value',
  port: 'value',
  config: 'value',
  seed: 'value',
  'proxy-metrics': 'bool',
  'runtime-metrics': 'bool',
  help: 'bool',
  h: 'bool',
};

/**
 * Rewrites toxiproxy-server's Go-style flags into the long options `faultline proxy`
 * declares, so that scripts and images that start toxiproxy-server can start us instead:
 * `-host x`, `-port=0`, `--seed 5`, `-runtime-metrics`, `-proxy-metrics=false`.
 * Go's flag package accepts one or two dashes and `=value`; a boolean takes `=true` or
 * `=false`, never a separate word. Anything else passes through unchanged for commander.
 *
 * @example
 * toxiproxyServerFlags(['-host', '0.0.0.0', '-port=8474', '-runtime-metrics=false'])
 * // → ['--host', '0.0.0.0', '--port=8474']
 */
export function toxiproxyServerFlags(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const match = /^--?([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    const kind = match === null ? undefined : TOXIPROXY_SERVER_FLAGS[match[1]!];
    if (match === null || kind === undefined) {
      out.push(arg);
      continue;
    }
    const name = match[1] === 'h' ? 'help' : match[1]!;
    const value = match[2];
    if (kind === 'value') out.push(value === undefined ? `--${name}` : `--${name}=${value}`);
    else if (value === undefined || /^(1|t|true|T|TRUE|True)$/.test(value)) out.push(`--${name}`);
    else if (!/^(0|f|false|F|FALSE|False)$/.test(value)) out.push(arg);
  }
  return out;
}
