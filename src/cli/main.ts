import { Command, CommanderError } from 'commander';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { faultlineVersion } from '../faultline-version.ts';
import { type CliIo, ExitCode, processIo } from './cli-io.ts';
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
    })
    .showHelpAfterError('(run faultline --help for usage)');
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
    if (isFaultlineError(err) && /INVALID|USAGE|NOT_FOUND/.test(err.code)) {
      io.stderr.write(`faultline: ${err.message}\n`);
      return ExitCode.BadInput;
    }
    io.stderr.write(`faultline: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return ExitCode.BadInput;
  }
}
