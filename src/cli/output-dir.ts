import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { CliUsageError } from './cli-usage-error.ts';

/**
 * Checks, before anything runs, that `dir` (a `--report-dir`, `--out` or `--dir`) is a
 * directory or can be created as one: neither it nor an existing ancestor is a file, and
 * the nearest existing directory is writable. Returns its absolute path.
 *
 * Why up front: a run that finds out at its first write has already started servers
 * and applied faults, and the user would get a raw `EEXIST: mkdir` instead of the flag.
 *
 * @example
 * const reportDir = await checkOutputDir('--report-dir', flags.reportDir, io.cwd);
 */
export async function checkOutputDir(flag: string, dir: string, cwd: string): Promise<string> {
  if (dir.trim() === '') throw new CliUsageError(`${flag}: expected a directory, got an empty path.`);
  const absolute = path.resolve(cwd, dir);
  let current = absolute;
  for (;;) {
    const stats = await stat(current).catch((err: NodeJS.ErrnoException) => err);
    if (!(stats instanceof Error)) {
      if (!stats.isDirectory()) {
        const which = current === absolute ? 'it is a file' : `${current} is a file`;
        throw new CliUsageError(`${flag} ${dir}: expected a directory, but ${which}. Choose another path.`);
      }
      try {
        await access(current, constants.W_OK);
      } catch {
        throw new CliUsageError(`${flag} ${dir}: ${current} is not writable. Choose another path.`);
      }
      return absolute;
    }
    if (stats.code !== 'ENOENT' && stats.code !== 'ENOTDIR')
      throw new CliUsageError(`${flag} ${dir}: cannot use ${current} (${stats.code}). Choose another path.`);
    const parent = path.dirname(current);
    if (parent === current) return absolute;
    current = parent;
  }
}
