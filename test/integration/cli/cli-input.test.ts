import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { fakeCliIo } from '../../support/fake-cli-io.ts';

/**
 * Every kind of bad command-line input, for every command: exit 2, one line on stderr that
 * names the input, no stack trace, no raw control character, and nothing started (the
 * scenario below would write reports/ if it ran).
 */
let dir: string;
let file: string;
const LONG_NAME = `${'a'.repeat(40)}!`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-cli-input-'));
  file = join(dir, 'a-file');
  await writeFile(file, 'not a directory\n');
  await mkdir(join(dir, 'scenarios'));
  await writeFile(
    join(dir, 'scenarios', 'long.yaml'),
    [
      `name: "${LONG_NAME}"`,
      'service: inference',
      'mode: virtual',
      'load: { maxCalls: 1, request: { method: POST, path: /v1/predict, json: { model: risk-v1, inputs: { text: hi } } } }',
      'phases: [{ name: only, durationMs: 10 }]',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejected(argv: string[], env: Record<string, string> = {}) {
  const io = fakeCliIo({ cwd: dir, env });
  const code = await main(argv, io);
  const err = io.err();
  expect(code, `${argv.join(' ')}: ${err}`).toBe(2);
  expect(err, argv.join(' ')).toMatch(/^faultline[^\n]*\n$/);
  expect(err).not.toMatch(/\n\s+at /);
  expect(err).not.toContain('\u001b');
  expect(io.out()).not.toContain('Running');
  return err;
}

describe('bad command-line input is one line and exit 2', () => {
  it('--report-dir naming a file, or a path under a file', async () => {
    expect(await rejected(['run', '--report-dir', file])).toContain(
      `--report-dir ${file}: expected a directory, but it is a file`,
    );
    expect(await rejected(['run', '--report-dir', join(file, 'sub')])).toContain(`${file} is a file`);
    expect(await rejected(['report', 'merge', 'x', '--out', file])).toContain('--out');
    expect(await rejected(['run', '--report-dir', ''])).toContain(
      '--report-dir: expected a directory, got an empty path',
    );
    expect(await rejected(['new', 'scenario', 'x', '--dir', file])).toContain('--dir');
  });

  it('numbers that are not plain integers in range', async () => {
    for (const seed of ['', 'abc', '0x10', '1e3', '-1', '1.5', '99999999999999999999'])
      expect(await rejected(['run', '--seed', seed])).toContain('--seed');
    expect(await rejected(['run', '--num-runs', '0'])).toContain('--num-runs');
    expect(await rejected(['run', '--shard', '3/2'])).toContain('--shard');
    expect(await rejected(['check', '--num-runs', '1.5'])).toContain('--num-runs');
    expect(await rejected(['proxy', '--port', '70000'])).toContain('--port');
    expect(await rejected(['services', '--port-base', '-1'])).toContain('--port-base');
  });

  it('URLs that are not http(s), from a flag or the environment', async () => {
    expect(await rejected(['run', '--toxiproxy-url', 'file:///etc/passwd'])).toContain('--toxiproxy-url');
    expect(await rejected(['run'], { TOXIPROXY_URL: 'not a url' })).toContain('TOXIPROXY_URL');
    const leaky = await rejected(['run'], { TOXIPROXY_URL: 'ftp://admin:pw-canary-1@127.0.0.1:8474' });
    expect(leaky).toContain('ftp://[REDACTED]@127.0.0.1:8474');
    expect(leaky).not.toContain('pw-canary-1');
  });

  it('unknown reporters, commands, options and missing files', async () => {
    expect(await rejected(['run', '--reporter', 'bogus'])).toContain('"bogus"');
    expect(await rejected(['run', 'missing.yaml'])).toContain('missing.yaml');
    expect(await rejected(['run', '--client', 'missing.mjs'])).toContain('missing.mjs');
    expect(await rejected(['report', 'build', 'no-such-run'])).toContain('no-such-run');
    expect(await rejected(['bogus'])).toContain("unknown command 'bogus'");
    expect(await rejected(['run', '--bogus'])).toContain("unknown option '--bogus'");
  });

  it('control characters in an argument are shown escaped', async () => {
    expect(await rejected(['run', '--seed', '\u001b[2J'])).toContain('\\x1b[2J');
  });
});

describe('--grep is plain text', () => {
  it('does not treat the pattern as a regular expression', async () => {
    // "a.a" as a regexp would match the scenario name; as text it matches nothing.
    expect(await rejected(['run', '--grep', 'a.a'])).toContain('none matches --grep "a.a"');
  });

  it('answers at once for a pattern that makes a backtracking regexp hang', async () => {
    // As a RegExp, /^(a+)+$/i against 40 a's and a "!" never finishes (and ignores SIGINT).
    expect(await rejected(['run', '--grep', '^(a+)+$'])).toContain('none matches');
  });
});
