import { execFile } from 'node:child_process';
import { mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './package-entries.ts';

const run = promisify(execFile);

/** What `npm pack` produced. */
export interface PackedPackage {
  tarball: string;
  /** Number of files in the tarball. */
  files: number;
  /** Bytes of the .tgz and of its unpacked files. */
  size: number;
  unpackedSize: number;
  /** Every path in the tarball, relative to the package root. */
  paths: string[];
}

/** `npm pack` of this checkout into `destination` (runs prepack, i.e. the build). */
export async function packFaultline(destination: string): Promise<PackedPackage> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: ROOT,
    maxBuffer: 16 << 20,
  });
  // Lifecycle scripts print before the JSON array.
  const [info] = JSON.parse(stdout.slice(stdout.indexOf('\n[') + 1)) as Array<{
    filename: string;
    entryCount: number;
    size: number;
    unpackedSize: number;
    files: Array<{ path: string }>;
  }>;
  return {
    tarball: path.join(destination, info!.filename),
    files: info!.entryCount,
    size: info!.size,
    unpackedSize: info!.unpackedSize,
    paths: info!.files.map((f) => f.path),
  };
}

/**
 * Installs a packed tarball into `project` as npm would (node_modules/faultline and its bin
 * in node_modules/.bin), with its dependencies taken from this checkout's node_modules
 * (linked, so the install is offline and takes no time; the npm cache holds tarballs but no
 * registry metadata, so `npm install --offline` cannot resolve them).
 */
export async function installPackedFaultline(project: string, tarball: string): Promise<void> {
  const modules = path.join(project, 'node_modules');
  const target = path.join(modules, 'faultline');
  await mkdir(target, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  for (const name of await readdir(path.join(ROOT, 'node_modules'))) {
    if (name === '.bin' || name === 'faultline' || name.startsWith('.')) continue;
    await symlink(path.join(ROOT, 'node_modules', name), path.join(modules, name), 'dir');
  }
  await mkdir(path.join(modules, '.bin'), { recursive: true });
  await symlink('../faultline/bin/faultline.js', path.join(modules, '.bin', 'faultline'));
  await symlink(path.join(ROOT, 'node_modules', '.bin', 'vitest'), path.join(modules, '.bin', 'vitest'));
}
