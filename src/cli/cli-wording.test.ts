import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../errors/faultline-error.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { initProject } from '../init/init-project.ts';
import { cliWording, flagsOf, withFlags } from './cli-wording.ts';

describe('cliWording: the library names options, the CLI its flags', () => {
  it('replaces the backticked options the command has flags for, and only those', () => {
    expect(withFlags('point `baseUrl` at it, see `endpoints`', { baseUrl: '--base-url' })).toBe(
      'point --base-url at it, see `endpoints`',
    );
  });

  it("reads a command's flags from its options, renaming where the API's name differs", () => {
    const command = new Command('verify')
      .option('--base-url <url>')
      .option('--timeout <ms>')
      .option('--json');
    expect(flagsOf(command, { timeoutMs: 'timeout' })).toEqual({
      baseUrl: '--base-url',
      timeout: '--timeout',
      timeoutMs: '--timeout',
      json: '--json',
    });
  });

  it('names an invalid option by its flag', () => {
    const err = new InvalidOptionsError('baseUrl', 'an http(s) URL', 'localhost');
    expect(err.message).toBe('baseUrl: expected an http(s) URL, got "localhost"');
    expect(cliWording(err, { baseUrl: '--base-url' })).toBe(
      '--base-url: expected an http(s) URL, got "localhost"',
    );
  });

  it("adds the command's hint for the error's code", () => {
    const err = new FaultlineError('FAULTLINE_SERVE_FAILED', 'Failed to listen on 127.0.0.1:7001: in use.');
    expect(cliWording(err, {}, { FAULTLINE_SERVE_FAILED: 'Choose other ports with --port-base N.' })).toBe(
      'Failed to listen on 127.0.0.1:7001: in use. Choose other ports with --port-base N.',
    );
  });

  it('initProject refuses to overwrite naming its `force` option; the CLI says --force', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'faultline-wording-'));
    try {
      await writeFile(path.join(cwd, 'faultline.config.yaml'), 'mine\n');
      const err = (await initProject({ cwd }).catch((e: unknown) => e)) as FaultlineError;
      expect(err.code).toBe('FAULTLINE_INIT_EXISTS');
      expect(err.message).toContain('Nothing was written; pass `force` to replace them.');
      expect(err.message).not.toContain('--');
      expect(cliWording(err, { force: '--force' })).toContain(
        'Nothing was written; pass --force to replace them.',
      );
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
