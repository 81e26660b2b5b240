import { runChecks } from '../check/run-checks.ts';
import type { FaultlineConfig } from '../config/faultline-config-schema.ts';
import { ContractsError } from '../contracts/contracts-error.ts';
import { verifyPacts } from '../contracts/verify-pacts.ts';
import type { ContractsEvent } from '../report/run-events.ts';
import type { EventLogWriter } from './event-log-writer.ts';

/** What a full run proves besides its scenarios. */
export interface SuiteChecksOptions {
  cwd: string;
  config: FaultlineConfig;
  /** Run `faultline check`'s invariants; `false` skips them. */
  check: false | { numRuns: number; seed?: number };
  /** Verify every pact against its provider. */
  verify: boolean;
  log: EventLogWriter;
  /** Milliseconds since the run started, for the events' `t`. */
  elapsed(): number;
  /** One line of progress for a person. */
  onNote?(line: string): void;
}

/**
 * The rest of "one command runs everything": after the scenarios, the policy invariants
 * (src/check/) and the contract verification (src/contracts/) run, and their results go
 * into the same event log as `check` and `contracts` records, so the one report (and the
 * exit code) covers scenarios, invariants and contracts alike.
 *
 * A project with no pacts at all is not a failure of `faultline run` (it is of
 * `faultline verify`, which is asked for explicitly): that case is noted and skipped.
 */
export async function runSuiteChecks(options: SuiteChecksOptions): Promise<void> {
  const { log } = options;
  // A step that cannot run is a failed step in the report, never a missing one.
  if (options.check) {
    await checkInvariants(options, options.check).catch((err) => {
      const why = `errored: ${err instanceof Error ? err.message : String(err)}`;
      const property = 'the invariant checks run';
      log.write({
        type: 'check',
        t: options.elapsed(),
        results: [{ service: '*', property, verdict: 'fail', counterexample: why }],
      });
      options.onNote?.(`invariants: ${why}`);
    });
  }
  if (options.verify) {
    await verifyAll(options).catch((err) => {
      const message = `errored: ${err instanceof Error ? err.message : String(err)}`;
      const interaction = 'the contract verification runs';
      log.write({
        type: 'contracts',
        t: options.elapsed(),
        results: [
          { provider: '*', consumer: options.config.consumer, interaction, verdict: 'fail', message },
        ],
      });
      options.onNote?.(`contracts: ${message}`);
    });
  }
}

async function checkInvariants(
  options: SuiteChecksOptions,
  check: { numRuns: number; seed?: number },
): Promise<void> {
  const { log, onNote } = options;
  const summary = await runChecks({
    config: options.config,
    numRuns: check.numRuns,
    ...(check.seed === undefined ? {} : { seed: check.seed }),
  });
  log.write({
    type: 'check',
    t: options.elapsed(),
    results: summary.results.map((r) => ({
      service: r.service,
      property: r.property,
      verdict: r.ok ? 'pass' : 'fail',
      ...(r.counterexample === undefined ? {} : { counterexample: r.counterexample }),
      ...(r.seed === undefined ? {} : { seed: r.seed }),
      ...(r.path === undefined ? {} : { path: r.path }),
    })),
  });
  const failed = summary.results.filter((r) => !r.ok).length;
  onNote?.(
    `invariants: ${summary.results.length - failed}/${summary.results.length} held (seed ${summary.seed})`,
  );
}

async function verifyAll(options: SuiteChecksOptions): Promise<void> {
  const { log, onNote } = options;
  const results = await verifyContracts(options);
  if (results) {
    log.write({ type: 'contracts', t: options.elapsed(), results });
    const failed = results.filter((r) => r.verdict === 'fail').length;
    onNote?.(`contracts: ${results.length - failed}/${results.length} verified`);
  }
}

async function verifyContracts(options: SuiteChecksOptions): Promise<ContractsEvent['results'] | undefined> {
  try {
    const { results, problems } = await verifyPacts({ config: options.config, cwd: options.cwd });
    // A registry problem (a service without a pact, a pact without a provider) fails the
    // run like a failed interaction, so it is reported as one.
    const registry = problems.map((problem) => ({
      provider: 'registry',
      consumer: options.config.consumer,
      interaction: problem,
      verdict: 'fail' as const,
      message: problem,
    }));
    return [...results, ...registry];
  } catch (err) {
    if (err instanceof ContractsError && err.code === 'FAULTLINE_CONTRACTS_NOT_FOUND') {
      options.onNote?.(`contracts: skipped (${err.message})`);
      return undefined;
    }
    throw err;
  }
}
