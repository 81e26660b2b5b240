import path from 'node:path';

/**
 * A path as messages show it: relative to `cwd` when the file is inside it (what the user
 * typed, usually), absolute otherwise. Always with forward slashes.
 */
export function displayPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const shown =
    relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join('/');
}
