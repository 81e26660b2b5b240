import { performance } from 'node:perf_hooks';
import type { CallSite } from './call-site.ts';
import type { CallSiteFault } from './call-site-fault-set.ts';
import { ExploreError } from './explore-error.ts';
import { EXPLORE_DEFAULTS, type ExploreOptions } from './explore-options.ts';
import type { CellVerdict, ExploreCell, ExploreResult } from './explore-result.ts';
import type { ExploreService } from './explore-service.ts';
import { faultCatalog } from './fault-catalog.ts';
import { type ObservedCalls, observeCallSites, reachedCallSite } from './observe-call-sites.ts';
import { type PlanEntry, planEntryId, shardOf } from './plan-entry.ts';
import { runPool } from './run-pool.ts';
import { spawnTestCommand } from './spawn-test-command.ts';
import { type ServiceWireEntry, startRunProxies } from './start-run-proxies.ts';
import { wireDamage } from './wire-damage.ts';

/**
 * `faultline explore`: Filibuster-style exploration, black-box.
 *
 *   baseline   the command once, every proxy passing through; it must pass. Its wire log
 *              gives the call sites (endpoint × n-th request).
 *   plan       call site × every fault its endpoint's pact implies (fault-catalog.ts)
 *   runs       the command once per entry, exactly that fault on exactly that call;
 *              verdict from its exit status and the wire (wire-damage.ts)
 *   pairs      (--pairs) two faults on two call sites that each tolerated one; a pair is
 *              pruned when the first fault's run never reached the second call site
 *
 * @example
 * const result = await explore({ command: ['node', 'e2e.mjs'], cwd, services });
 */
export async function explore(options: ExploreOptions): Promise<ExploreResult> {
  const started = performance.now();
  const parallel = Math.max(1, options.parallel ?? EXPLORE_DEFAULTS.parallel);
  const run = (entry: PlanEntry | undefined) => runOnce(options, entry);

  const baseline = await run(undefined);
  if (baseline.outcome.exitCode !== 0)
    throw new ExploreError(
      `Failed to explore: the test command does not pass without faults (${baseline.outcome.timedOut ? 'timed out' : `exit ${baseline.outcome.exitCode}`}). Make it pass first. Its output:\n${baseline.outcome.output}`,
    );
  const observed = observeCallSites(baseline.wire, options.services);

  let singles = planSingles(observed.callSites, options);
  const singlesCount = singles.length;
  if (options.shard) singles = shardOf(singles, options.shard.index, options.shard.total);
  const onlyPair = options.only?.includes('+');
  if (options.only !== undefined && !onlyPair) {
    singles = singles.filter((e) => e.id === options.only);
    if (singles.length === 0)
      throw new ExploreError(
        `\`only\` ${options.only}: no such plan entry in this run's plan (${singlesCount} entries); ids are listed in summary.md`,
      );
  }

  const replay =
    options.replay ?? ((id: string) => `faultline explore --only ${id} -- ${options.command.join(' ')}`);
  const cells: ExploreCell[] = [];
  const runsBySingle = new Map<string, { cell: ExploreCell; observed: ObservedCalls }>();
  const judge = (entry: PlanEntry, result: Awaited<ReturnType<typeof run>>): ExploreCell => {
    const reached = entry.targets.every((t) => result.reached.get(t.site.service)?.shift() === true);
    const damage = wireDamage(result.wire, baseline.wire, options.services);
    const failed = result.outcome.exitCode !== 0;
    const verdict: CellVerdict = !reached
      ? 'not-reached'
      : failed
        ? 'failed'
        : damage.length > 0
          ? 'damaged'
          : 'tolerated';
    const cell: ExploreCell = {
      id: entry.id,
      faults: entry.targets.map((t) => ({ ...t.site, fault: t.fault.id, label: t.fault.label })),
      verdict,
      exitCode: result.outcome.exitCode,
      timedOut: result.outcome.timedOut,
      durationMs: Math.round(result.outcome.durationMs),
      damage,
      ...(verdict === 'failed' || verdict === 'damaged' ? { output: result.outcome.output } : {}),
      replay: replay(entry.id),
    };
    options.onCell?.(cell);
    return cell;
  };

  if (!onlyPair)
    await runPool(singles, parallel, options.signal, async (entry) => {
      const result = await run(entry);
      const cell = judge(entry, result);
      cells.push(cell);
      runsBySingle.set(entry.id, { cell, observed: observeCallSites(result.wire, options.services) });
    });

  let pairsPlanned = 0;
  let pairsPruned = 0;
  if (options.pairs || onlyPair) {
    const all = onlyPair ? planSingles(observed.callSites, options) : singles;
    const byId = new Map(all.map((e) => [e.id, e]));
    const pairs: PlanEntry[] = [];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i]!;
        const b = all[j]!;
        if (sameSite(a.targets[0]!.site, b.targets[0]!.site)) continue;
        const id = `${a.id}+${b.id}`;
        if (onlyPair && id !== options.only) continue;
        pairsPlanned++;
        const ra = runsBySingle.get(a.id);
        const rb = runsBySingle.get(b.id);
        const tolerated = onlyPair || (ra?.cell.verdict === 'tolerated' && rb?.cell.verdict === 'tolerated');
        if (!tolerated || (ra && !reachedCallSite(ra.observed, b.targets[0]!.site))) {
          pairsPruned++;
          continue;
        }
        pairs.push({ id, targets: [...byId.get(a.id)!.targets, ...byId.get(b.id)!.targets] });
      }
    }
    if (onlyPair && pairs.length === 0)
      throw new ExploreError(`\`only\` ${options.only}: no such pair in the plan`);
    await runPool(pairs, parallel, options.signal, async (entry) => {
      cells.push(judge(entry, await run(entry)));
    });
  }

  cells.sort((a, b) => a.id.localeCompare(b.id));
  const count = (v: CellVerdict) => cells.filter((c) => c.verdict === v).length;
  return {
    kind: 'explore',
    command: options.command,
    ...(options.shard ? { shard: `${options.shard.index}/${options.shard.total}` } : {}),
    baseline: {
      durationMs: Math.round(baseline.outcome.durationMs),
      callSites: observed.callSites,
      unmatched: observed.unmatched,
    },
    cells,
    counts: {
      singles: singlesCount,
      pairsPlanned,
      pairsPruned,
      runs: cells.length,
      tolerated: count('tolerated'),
      failed: count('failed'),
      damaged: count('damaged'),
      notReached: count('not-reached'),
    },
    wallMs: Math.round(performance.now() - started),
    parallel,
  };
}

/** Every call site × every fault of its endpoint, in call order. */
function planSingles(callSites: readonly CallSite[], options: ExploreOptions): PlanEntry[] {
  const byName = new Map(options.services.map((s) => [s.name, s]));
  const out: PlanEntry[] = [];
  for (const site of callSites) {
    const service = byName.get(site.service)!;
    const endpoint = service.endpoints.find((e) => e.key === site.endpoint)!;
    const ms = latencyOf(service, options);
    for (const fault of faultCatalog(endpoint, { latencyMs: ms, slowBodyMs: ms })) {
      if (options.faults && !options.faults.some((prefix) => fault.id.startsWith(prefix))) continue;
      out.push({ id: planEntryId(site, fault.id), targets: [{ site, fault }] });
    }
  }
  return out;
}

function latencyOf(service: ExploreService, options: ExploreOptions): number {
  if (options.latencyMs !== undefined) return options.latencyMs;
  return service.timeoutMs !== undefined ? 2 * service.timeoutMs : EXPLORE_DEFAULTS.latencyMs;
}

function sameSite(a: CallSite, b: CallSite): boolean {
  return a.service === b.service && a.endpoint === b.endpoint && a.occurrence === b.occurrence;
}

/** One run of the command behind fresh proxies, with the entry's faults in force. */
async function runOnce(options: ExploreOptions, entry: PlanEntry | undefined) {
  const targets = new Map<string, CallSiteFault[]>();
  for (const t of entry?.targets ?? []) {
    const list = targets.get(t.site.service) ?? [];
    list.push({ endpoint: t.site.endpoint, occurrence: t.site.occurrence, spec: t.fault.spec });
    targets.set(t.site.service, list);
  }
  const proxies = await startRunProxies(options.services, targets);
  let outcome: Awaited<ReturnType<typeof spawnTestCommand>>;
  try {
    outcome = await spawnTestCommand(options.command, {
      env: proxies.env,
      ...(options.env ? { baseEnv: options.env } : {}),
      cwd: options.cwd,
      timeoutMs: options.runTimeoutMs ?? EXPLORE_DEFAULTS.runTimeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } finally {
    // Closing ends the exchanges still open (recorded as client-closed): read the wire after.
    await proxies.close();
  }
  const wire: ServiceWireEntry[] = [...proxies.wire];
  const reached = new Map<string, boolean[]>();
  for (const s of options.services) reached.set(s.name, [...proxies.reached(s.name)]);
  return { outcome, wire, reached };
}
