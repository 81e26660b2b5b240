import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { writeEventLog } from '../../support/event-log-fixture.ts';
import { fakeCliIo } from '../../support/fake-cli-io.ts';
import { outageScenario } from '../../support/report-fixtures.ts';

/**
 * What Faultline prints on a terminal: user strings cannot drive it (a scenario name with
 * ESC[2J would clear the screen), and colour follows one decision (TTY, NO_COLOR).
 */
const ESC = '\u001b';
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-terminal-'));
  await writeEventLog(join(dir, 'built', 'events.ndjson'), {
    scenarios: [outageScenario({ name: `evil${ESC}[2J name`, error: `boom${ESC}]0;pwned\u0007 end` })],
  });
  await mkdir(join(dir, 'scenarios'));
  await writeFile(
    join(dir, 'scenarios', 'evil.yaml'),
    [
      'name: "evil \\e[2J\\r name"',
      'service: search',
      'mode: virtual',
      'load: { maxCalls: 3, request: { method: GET, path: /v1/search, query: { q: x } } }',
      'phases: [{ name: "p\\e[31m", durationMs: 50 }]',
      'hypotheses: [{ calls: { max: 0 } }]',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function terminal(env: Record<string, string> = {}, isTTY = true) {
  const io = fakeCliIo({ cwd: dir, env });
  io.stdout.isTTY = isTTY;
  return io;
}

describe('console output', () => {
  it('shows control characters of user strings as visible escapes', async () => {
    const io = terminal();
    await main(['report', 'build', 'built', '--reporters', 'json'], io);
    const out = io.out();
    expect(out).toContain('evil\\x1b[2J name');
    expect(out).toContain('boom\\x1b]0;pwned\\x07 end');
    expect(out).not.toContain(`${ESC}[2J`);
    expect(out).not.toContain(`${ESC}]0`);
    expect(out).toMatch(SGR); // a TTY without NO_COLOR is coloured: the test can see colour
  });

  it('writes no raw control character into summary.md or junit.xml', async () => {
    const io = terminal();
    await main(['report', 'build', 'built', '--reporters', 'markdown,junit'], io);
    const summary = await readFile(join(dir, 'built', 'summary.md'), 'utf8');
    const junit = await readFile(join(dir, 'built', 'junit.xml'), 'utf8');
    expect(summary).toContain('x1b');
    for (const file of [summary, junit]) {
      expect(file).not.toContain(ESC);
      expect(file).not.toContain('\u0007');
    }
  });

  it('has no colour with NO_COLOR, FORCE_COLOR=0 or TERM=dumb, or on a non-TTY', async () => {
    for (const [env, tty] of [
      [{ NO_COLOR: '1' }, true],
      [{ FORCE_COLOR: '0' }, true],
      [{ TERM: 'dumb' }, true],
      [{}, false],
    ] as const) {
      const io = terminal(env, tty);
      await main(['report', 'build', 'built', '--reporters', 'json'], io);
      expect(io.out(), JSON.stringify(env)).not.toContain(ESC);
    }
  });

  it('faultline run obeys NO_COLOR on a TTY and escapes names in progress and summary', async () => {
    const io = terminal({ NO_COLOR: '1' });
    const code = await main(['run', 'scenarios/evil.yaml', '--report-dir', 'out', '--reporter', 'json'], io);
    expect(code, io.err()).toBe(1); // calls: { max: 0 } fails
    const out = io.out();
    expect(out).not.toMatch(SGR);
    expect(out).not.toContain(`${ESC}[2J`);
    expect(out).not.toContain(`${ESC}[31m`);
    expect(out).toContain('evil \\x1b[2J\\x0d name');
  });
});
