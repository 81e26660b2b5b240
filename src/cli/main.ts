import { Command, CommanderError } from 'commander';
import { exitStatusOf, isInputErrorCode } from '../errors/error-codes.ts';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { faultlineVersion } from '../faultline-version.ts';
import { redact } from '../redaction/redact.ts';
import { escapeControl } from '../terminal/escape-control.ts';
import { type CliIo, ExitCode, processIo } from './cli-io.ts';
import { cliWording } from './cli-wording.ts';
import { commandsFor } from './commands.ts';

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code:
 * 0 ok, 1 a check failed, 2 bad input or usage. Never calls `process.exit`.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const program = new Command('faultline')
    .description('Prove that your service survives its dependencies.')
    .version(faultlineVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Usage errors on one line, with the hint where to look, never a stack.
      outputError: (s, write) =>
        write(`faultline: ${escapeControl(s.replace(/^error: /, '').trim())} (see faultline --help)\n`),
    });
  const context = {
    io,
    setExitCode(code: number) {
      exitCode = Math.max(exitCode, code);
    },
  };
  for (const command of await commandsFor(argv)) command.register(program, context);
  for (const sub of program.commands) sub.exitOverride();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return ExitCode.Ok;
      if (err.code === 'commander.help' || err.code === 'commander.executeSubCommandAsync')
        return ExitCode.Ok;
      return ExitCode.BadInput;
    }
    // Bad input is the user's to fix: its message alone. Other codes also get the debug hint.
    if (isFaultlineError(err) && isInputErrorCode(err.code)) {
      io.stderr.write(`faultline: ${escapeControl(redact(cliWording(err)), { keepNewlines: true })}\n`);
      return exitStatusOf(err.code);
    }
    // Anything else (a system error such as EACCES, a bug) is still one line: the message,
    // its code, and how to see the stack. FAULTLINE_DEBUG=1 prints the stack as well.
    io.stderr.write(`faultline: ${escapeControl(redact(unexpectedErrorLine(err)))}\n`);
    if (io.env.FAULTLINE_DEBUG && err instanceof Error && err.stack)
      io.stderr.write(`${escapeControl(err.stack, { keepNewlines: true })}\n`);
    return isFaultlineError(err) ? exitStatusOf(err.code) : ExitCode.BadInput;
  }
}

/** `Failed: EACCES: permission denied, open 'x' (set FAULTLINE_DEBUG=1 for the stack)`. */
function unexpectedErrorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = message.split('\n')[0]!.trim();
  return `${firstLine || 'unexpected error'} (set FAULTLINE_DEBUG=1 for the stack)`;
}
