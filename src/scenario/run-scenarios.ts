import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createClient } from '../client/create-client.ts';
import { ConfigInvalidError } from '../config/config-invalid-error.ts';
import { FAULTLINE_CONFIG_FILE, loadFaultlineConfig } from '../config/load-faultline-config.ts';
import { serviceEntry } from '../config/resolve-service-client-options.ts';
import { unplacedIssue } from '../config/yaml/input-issue.ts';
import { faultlineVersion } from '../faultline-version.ts';
import { startFaultProxy } from '../proxy/start-fault-proxy.ts';
import { buildRunResult } from '../report/build-run-result.ts';
import { DEFAULT_REPORTERS, getReporter } from '../report/reporters/reporter-registry.ts';
import { EVENT_LOG_VERSION } from '../report/run-events.ts';
import type { RunResult } from '../report/run-result.ts';
import { writeReports } from '../report/write-reports.ts';
import { createServiceHandler } from '../services/create-service-handler.ts';
import { isServiceName, SERVICE_NAMES, type ServiceName } from '../services/service-names.ts';
import { startServices } from '../services/start-services.ts';
import type { CleanupLedger } from './cleanup-ledger.ts';
import { EventLogWriter } from './event-log-writer.ts';
import { currentProxyOwner, proxyNamePrefix } from './faults/tcp/proxy-owner.ts';
import { sweepStaleProxies } from './faults/tcp/sweep-stale-proxies.ts';
import { type ClientFactory, loadClientModule } from './load-client-module.ts';
import type { LoadedScenario } from './load-scenario-file.ts';
import { loadScenarios } from './load-scenarios.ts';
import { planScenario } from './plan-scenario.ts';
import { whileHoldingEventLoop } from './run-keep-alive.ts';
import { runScenario, type ScenarioOutcome, type ScenarioProgress } from './run-scenario.ts';
import { runSuiteChecks } from './run-suite-checks.ts';
import type { ScenarioEnvironment } from './scenario-environment.ts';
import { NoScenarioMatchesError, PrintOnlyReporterError } from './scenario-selection-errors.ts';
import { resolveScenarioMode } from './schema/resolve-scenario-mode.ts';
import { UndoStack } from './undo-stack.ts';

export interface RunScenariosOptions {
  /** Working directory: scenarios, registry and report dir resolve against it. */
  cwd: string;
  /** The service registry, relative to cwd. @default 'faultline.config.yaml' (or the built-in one) */
  configFile?: string;
  /** Scenario files or globs. @default ['scenarios/*.yaml'] */
  files?: string[];
  /** Only scenarios whose name contains this text, any case; `|` separates alternatives (name-filter.ts). */
  grep?: string;
  /** Overrides every scenario's seed. */
  seed?: number;
  /** Where events.ndjson and the reports go. @default 'reports/latest' */
  reportDir?: string;
  /** A real Toxiproxy API; default: the embedded fault proxy, started on a free port. */
  toxiproxyUrl?: string;
  /** Reference services already running; default: started on free ports when needed. */
  servicesUrls?: Partial<Record<ServiceName, string>>;
  /** Run shard `index` of `total` (1-based). */
  shard?: { index: number; total: number };
  /** A user's client adapter module (docs/custom-client.md). */
  clientModule?: string;
  /** Report files to write. @default ['json', 'html', 'markdown', 'junit'] */
  reporters?: string[];
  /** Recorded in run-start (the CLI passes its argv). @default [] */
  argv?: string[];
  /**
   * After the scenarios, prove the policy invariants of every configured service (as
   * `faultline check` does) into the same log and report. `false` skips them.
   * @default false
   */
  check?: false | { numRuns: number; seed?: number };
  /** After the scenarios, verify every pact (as `faultline verify` does). @default false */
  verify?: boolean;
  /** Progress notes of the check and verify steps. */
  onNote?(line: string): void;
  /** Interrupt: the scenario running stops, its faults are undone, the log and result are kept. */
  signal?: AbortSignal;
  /** Follows every undo stack of the run (what a forced exit would leave behind). */
  cleanup?: CleanupLedger;
  /** Validated scenarios, before anything starts. */
  onPlan?(scenarios: ReadonlyArray<{ name: string; mode: 'real' | 'virtual' }>): void;
  onProgress?(progress: ScenarioProgress): void;
  onScenarioEnd?(scenario: string, outcome: ScenarioOutcome): void;
}

export interface RunSummary {
  result: RunResult;
  reportDir: string;
  eventLogPath: string;
  /** Report files written. */
  files: string[];
  interrupted: boolean;
  /** 0 every hypothesis held; 1 one failed, a scenario crashed, or the run was interrupted. */
  exitCode: 0 | 1;
}

/**
 * Runs scenarios end to end. Everything is loaded and validated first: bad input throws a
 * FaultlineError (the CLI exits 2) before any server starts. Then it starts what the
 * scenarios need (the embedded fault proxy and the reference services for real-time
 * scenarios, unless URLs are given), runs each scenario (run-scenario.ts) while appending
 * the event log, and builds the result and reports from that log.
 *
 * @example
 * const summary = await runScenarios({ cwd: process.cwd(), files: ['scenarios/inference-*.yaml'] });
 * process.exitCode = summary.exitCode;
 */
export function runScenarios(options: RunScenariosOptions): Promise<RunSummary> {
  // The run holds the event loop itself: unref'd client timers alone would let Node exit mid-run.
  return whileHoldingEventLoop(() => run(options));
}

async function run(options: RunScenariosOptions): Promise<RunSummary> {
  const { cwd } = options;
  const config = await loadFaultlineConfig({
    cwd,
    ...(options.configFile === undefined ? {} : { file: options.configFile }),
  });
  const loaded = await loadScenarios(options.files ?? [], config, {
    cwd,
    grep: options.grep,
    shard: options.shard,
  });
  if (loaded.length === 0) {
    throw new NoScenarioMatchesError(options.grep);
  }
  const scenarios: LoadedScenario[] = loaded.map((s) =>
    options.seed === undefined ? s : { ...s, seed: options.seed },
  );
  const reporters = options.reporters ?? DEFAULT_REPORTERS;
  for (const name of reporters) {
    if (getReporter(name).fileName === undefined) {
      throw new PrintOnlyReporterError(name);
    }
  }
  const factory: ClientFactory = options.clientModule
    ? await loadClientModule(options.clientModule, cwd)
    : (o) => createClient(o);
  options.onPlan?.(scenarios.map((s) => ({ name: s.name, mode: resolveScenarioMode(s) })));

  const started = Date.now();
  const reportDir = path.resolve(cwd, options.reportDir ?? 'reports/latest');
  const eventLogPath = path.join(reportDir, 'events.ndjson');
  const runId = randomUUID();
  const infra = new UndoStack();
  const untrackInfra = options.cleanup?.track(infra);
  const log = await EventLogWriter.open(eventLogPath);
  let interrupted = false;
  try {
    log.write({
      type: 'run-start',
      version: EVENT_LOG_VERSION,
      runId,
      startedAt: new Date(started).toISOString(),
      argv: options.argv ?? [],
      faultlineVersion: faultlineVersion(),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.shard ? { shard: options.shard } : {}),
      t: 0,
    });
    log.write({
      type: 'run-plan',
      scenarios: scenarios.map((s) => planScenario(s, options.clientModule)),
      t: Date.now() - started,
    });
    // From here on, no error may leave a planned scenario without a record: a failure to
    // start the environment errors every scenario, a runner crash errors the one it hit.
    let env: ScenarioEnvironment | undefined;
    let envError: string | undefined;
    try {
      env = await startEnvironment(scenarios, config, options, factory, infra, runId);
    } catch (err) {
      envError = `Failed to prepare the run: ${messageOf(err)}`;
    }
    for (const scenario of scenarios) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      let outcome: ScenarioOutcome;
      if (env === undefined) {
        outcome = { interrupted: false, error: envError, cleanupFailures: [] };
        log.write({
          type: 'scenario-end',
          scenario: scenario.name,
          t: 0,
          interrupted: false,
          error: envError,
        });
      } else {
        try {
          outcome = await runScenario({
            scenario,
            config,
            env,
            log,
            signal: options.signal,
            ...(options.cleanup ? { cleanup: options.cleanup } : {}),
            onProgress: options.onProgress,
          });
        } catch (err) {
          outcome = {
            interrupted: false,
            error: `The runner failed: ${messageOf(err)}`,
            cleanupFailures: [],
          };
          log.write({
            type: 'scenario-end',
            scenario: scenario.name,
            t: 0,
            interrupted: false,
            error: outcome.error,
          });
        }
      }
      options.onScenarioEnd?.(scenario.name, outcome);
      if (outcome.interrupted) {
        interrupted = true;
        break;
      }
    }
    if (!interrupted && !options.signal?.aborted) {
      await infra.drain();
      await runSuiteChecks({
        cwd,
        config,
        check: options.check ?? false,
        verify: options.verify ?? false,
        log,
        elapsed: () => Date.now() - started,
        ...(options.onNote ? { onNote: options.onNote } : {}),
      });
    }
  } finally {
    await infra.drain();
    untrackInfra?.();
    log.write({ type: 'run-end', t: Date.now() - started, interrupted });
    await log.close();
  }
  const result = await buildRunResult(eventLogPath);
  const files = await writeReports(result, reportDir, reporters);
  return { result, reportDir, eventLogPath, files, interrupted, exitCode: result.exitCode };
}

/** Starts the fault proxy and the reference services the real-time scenarios need. */
async function startEnvironment(
  scenarios: LoadedScenario[],
  config: Awaited<ReturnType<typeof loadFaultlineConfig>>,
  options: RunScenariosOptions,
  factory: ClientFactory,
  infra: UndoStack,
  runId: string,
): Promise<ScenarioEnvironment> {
  const real = scenarios.filter((s) => resolveScenarioMode(s) === 'real');
  const urls: Partial<Record<string, string>> = { ...options.servicesUrls };
  const needed = new Set<ServiceName>();
  for (const s of real) {
    const entry = serviceEntry(config, s.service);
    if (
      entry.baseUrl === undefined &&
      entry.reference &&
      isServiceName(entry.reference) &&
      !urls[entry.reference]
    ) {
      needed.add(entry.reference);
    }
  }
  if (needed.size > 0) {
    const services = await startServices({ portBase: 0, only: [...needed] });
    infra.push('stop the reference services', () => services.close());
    Object.assign(urls, services.urls);
  }
  let toxiproxy: ScenarioEnvironment['toxiproxy'];
  // tcp faults, and several upstream instances in real time (one proxy each), need the proxy.
  const needsTcp = real.some((s) => s.upstreams > 1 || s.phases.some((p) => p.faults.some((f) => f.tcp)));
  if (options.toxiproxyUrl) {
    toxiproxy = { url: options.toxiproxyUrl, external: true };
    await sweepLeftovers(options.toxiproxyUrl, options.onNote);
  } else if (needsTcp) {
    const proxy = await startFaultProxy({ port: 0 });
    infra.push('stop the fault proxy', () => proxy.close());
    toxiproxy = { url: proxy.url, external: false };
  }
  return {
    serviceUrl: (reference) => urls[reference],
    serviceHandler: (reference) => {
      if (!isServiceName(reference))
        // The registry schema allows only these names; here for a registry given as an object.
        throw new ConfigInvalidError([
          unplacedIssue(
            FAULTLINE_CONFIG_FILE,
            'reference',
            `expected one of ${SERVICE_NAMES.join(', ')}, got "${reference}"`,
          ),
        ]);
      return createServiceHandler(reference);
    },
    ...(toxiproxy ? { toxiproxy } : {}),
    proxyNamePrefix: proxyNamePrefix(currentProxyOwner(runId)),
    createClient: factory,
    customClient: options.clientModule !== undefined,
    ...(options.clientModule !== undefined ? { clientModule: options.clientModule } : {}),
  };
}

/**
 * Removes what earlier Faultline runs killed before their cleanup left on this Toxiproxy
 * (only proxies named by proxy-owner.ts whose process is gone), and says so. A Toxiproxy
 * that cannot be reached is not an error here: the scenarios that need it report that.
 */
async function sweepLeftovers(url: string, onNote: ((line: string) => void) | undefined): Promise<void> {
  try {
    const { removed, failed } = await sweepStaleProxies(url);
    if (removed.length > 0)
      onNote?.(
        `Removed ${removed.length} stale proxy(ies) left on ${url} by an earlier Faultline run that was killed: ${removed.join(', ')}`,
      );
    for (const f of failed) onNote?.(`Failed to remove a stale proxy left by an earlier Faultline run: ${f}`);
  } catch (err) {
    onNote?.(`Could not check ${url} for proxies left by earlier Faultline runs: ${messageOf(err)}`);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
