import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the example is plain JavaScript (any language can be explored)
import { startProviders } from '../../examples/checkout/providers/start-providers.mjs';
import { main } from '../../src/cli/main.ts';
import type { ExploreResult } from '../../src/explore/explore-result.ts';
import type { RunResult } from '../../src/report/run-result.ts';
import { fakeCliIo } from '../support/fake-cli-io.ts';

/**
 * `faultline explore` on the shipped checkout example (docs/explore.md), through the CLI:
 * real fake providers on port 0, real proxies, the example's e2e test as the user's
 * command. Each planted bug, switched on alone, shows up as failed or damaged cells at its
 * own call; with every bug off the matrix is all tolerated. The plan is kept small with
 * --faults (4-5 faults per call site).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMMAND = [process.execPath, 'examples/checkout/test/checkout.e2e.mjs'];
const FAULTS = ['refused', 'slow-body', 'truncated-json', 'status-4'];

let providers: { urls: Record<string, string>; close(): Promise<void> };
let dir: string;

beforeAll(async () => {
  providers = await startProviders();
  dir = await mkdtemp(join(tmpdir(), 'faultline-explore-'));
});
afterAll(async () => {
  await providers?.close();
  await rm(dir, { recursive: true, force: true });
});

async function exploreCheckout(
  bug: string | undefined,
  name: string,
  extra: string[] = ['--faults', ...FAULTS],
) {
  const io = fakeCliIo({ cwd: ROOT, env: { ...process.env, ...(bug ? { [bug]: '1' } : {}) } });
  const reportDir = join(dir, name);
  const code = await main(
    [
      'explore',
      '--config',
      'examples/checkout/faultline.config.yaml',
      ...Object.entries(providers.urls).flatMap(([s, url]) => ['--upstream', `${s}=${url}`]),
      '--report-dir',
      reportDir,
      '--parallel',
      '2',
      ...extra,
      '--',
      ...COMMAND,
    ],
    io,
  );
  const report = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8')) as RunResult;
  const summary = await readFile(join(reportDir, 'summary.md'), 'utf8');
  const junit = await readFile(join(reportDir, 'junit.xml'), 'utf8');
  return { code, io, explore: report.explore as ExploreResult, summary, junit };
}

const broken = (e: ExploreResult) => e.cells.filter((c) => c.verdict !== 'tolerated');

// Each exploration is 12 runs of a node process: generous on a busy 2-core machine.
describe('faultline explore on examples/checkout', { timeout: 120_000 }, () => {
  it('with every bug switched off, every cell of the matrix is tolerated', async () => {
    const { code, io, explore, junit } = await exploreCheckout(undefined, 'clean');
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(explore.baseline.callSites.map((s) => `${s.service}:${s.endpoint}#${s.occurrence}`)).toEqual([
      'auth:GET ^/tokens/[^/]+$#1',
      'payments:POST /charges#1',
      'notify:POST /messages#1',
    ]);
    // auth: refused, slow-body, 401, truncated-json; payments: + 402, 429; notify: refused, slow-body, truncated-json
    expect(explore.counts.runs).toBe(explore.counts.singles);
    expect(explore.counts.singles).toBe(4 + 5 + 3);
    expect(broken(explore)).toEqual([]);
    expect(junit).toContain('tests="12" failures="0"');
  });

  it('a payment retried without an Idempotency-Key shows up as a duplicate charge at payments#1', async () => {
    const { code, explore, summary } = await exploreCheckout('CHECKOUT_BUG_PAYMENT_NO_KEY', 'payment-no-key');
    expect(code).toBe(1);
    const cells = broken(explore);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.verdict).toBe('damaged');
      expect(cell.faults.map((f) => `${f.service}:${f.endpoint}#${f.occurrence}`)).toEqual([
        'payments:POST /charges#1',
      ]);
      expect(cell.damage.join()).toContain('duplicate side effect: payments POST /charges');
    }
    // The answer arrives too late or broken after the provider charged: the retry charges again.
    expect(cells.map((c) => c.faults[0]!.fault)).toEqual(
      expect.arrayContaining(['slow-body', 'truncated-json']),
    );
    expect(summary).toContain('--only payments/post-charges#1/slow-body');
  });

  it('a notify outage that fails the checkout shows up as failed cells at notify#1 with the test output', async () => {
    const { code, explore } = await exploreCheckout('CHECKOUT_BUG_NOTIFY_FATAL', 'notify-fatal');
    expect(code).toBe(1);
    const cells = broken(explore);
    // The service reads only notify's status, so a truncated body is no outage for it.
    expect(cells.map((c) => c.faults[0]!.fault).sort()).toEqual(['refused', 'slow-body']);
    for (const cell of cells) {
      expect(cell.verdict).toBe('failed');
      expect(cell.faults[0]).toMatchObject({ service: 'notify', endpoint: 'POST /messages', occurrence: 1 });
      expect(cell.output).toContain('unexpected answer 500');
    }
  });

  it('a malformed auth answer treated as "allowed" shows up as a failed cell at auth#1', async () => {
    const { code, explore, junit } = await exploreCheckout('CHECKOUT_BUG_AUTH_LENIENT', 'auth-lenient');
    expect(code).toBe(1);
    const cells = broken(explore);
    expect(cells.map((c) => c.id)).toEqual(['auth/get-tokens#1/truncated-json']);
    expect(cells[0]!.verdict).toBe('failed');
    expect(cells[0]!.output).toContain('not the authenticated user-42');
    expect(junit).toContain('auth:GET ^/tokens/[^/]+$#1 × truncated-json');
  });

  it('shards merge into the full matrix, --only replays one cell, report diff flags the cell that was tolerated', async () => {
    const shards = [];
    for (const shard of ['1/2', '2/2'])
      shards.push(
        await exploreCheckout(undefined, `shard-${shard[0]}`, ['--faults', 'slow-body', '--shard', shard]),
      );
    expect(shards.map((s) => s.explore.cells.map((c) => c.id))).toEqual([
      ['auth/get-tokens#1/slow-body', 'notify/post-messages#1/slow-body'],
      ['payments/post-charges#1/slow-body'],
    ]);
    const mergeIo = fakeCliIo({ cwd: ROOT });
    const merged = join(dir, 'merged');
    expect(
      await main(['report', 'merge', join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', merged], mergeIo),
    ).toBe(0);
    const report = JSON.parse(await readFile(join(merged, 'report.json'), 'utf8')) as RunResult;
    expect(report.explore?.cells.map((c) => `${c.id} ${c.verdict}`)).toEqual([
      'auth/get-tokens#1/slow-body tolerated',
      'notify/post-messages#1/slow-body tolerated',
      'payments/post-charges#1/slow-body tolerated',
    ]);

    const replay = await exploreCheckout('CHECKOUT_BUG_PAYMENT_NO_KEY', 'replay', [
      '--only',
      'payments/post-charges#1/slow-body',
    ]);
    expect(replay.code).toBe(1);
    expect(replay.explore.cells.map((c) => `${c.id} ${c.verdict}`)).toEqual([
      'payments/post-charges#1/slow-body damaged',
    ]);

    const diffIo = fakeCliIo({ cwd: ROOT });
    expect(await main(['report', 'diff', merged, join(dir, 'replay')], diffIo)).toBe(1);
    expect(diffIo.out()).toContain(
      'REGRESSED  explore payments/post-charges#1/slow-body: tolerated -> damaged',
    );
  });

  it('refuses to explore a command that does not pass without faults (exit 2, its output shown)', async () => {
    const io = fakeCliIo({ cwd: ROOT, env: process.env });
    const code = await main(
      [
        'explore',
        '--config',
        'examples/checkout/faultline.config.yaml',
        ...Object.entries(providers.urls).flatMap(([s, url]) => ['--upstream', `${s}=${url}`]),
        '--report-dir',
        join(dir, 'broken'),
        '--',
        process.execPath,
        '-e',
        'console.log("expected 200, got 418"); process.exit(3)',
      ],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toContain('the test command does not pass without faults (exit 3)');
    expect(io.err()).toContain('expected 200, got 418');
  });
});
