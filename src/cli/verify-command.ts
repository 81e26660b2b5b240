import { stripVTControlCharacters } from 'node:util';
import { type Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { loadFaultlineConfig } from '../config/load-faultline-config.ts';
import type { ContractResult, VerifyPactsResult } from '../contracts/contract-result.ts';
import { loadRequestFilter } from '../contracts/load-request-filter.ts';
import { verifyPacts } from '../contracts/verify-pacts.ts';
import {
  type BrokerOptions,
  VERIFIER_LOG_LEVELS,
  VERIFY_DEFAULTS,
  type VerifierLogLevel,
} from '../contracts/verify-pacts-options.ts';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { colorEnabled } from '../terminal/color-enabled.ts';
import { type CliIo, ExitCode } from './cli-io.ts';
import { cliWording, type FlagNames, flagsOf, withFlags } from './cli-wording.ts';
import type { CliCommand } from './command.ts';
import { collectList } from './list-option.ts';
import { httpUrlArg } from './parse-args.ts';

interface VerifyFlags {
  provider?: string;
  baseUrl?: string;
  stateUrl?: string;
  header: string[];
  requestFilter?: string;
  timeout?: number;
  logLevel?: VerifierLogLevel;
  verbose: boolean;
  pact: string[];
  config?: string;
  brokerUrl?: string;
  brokerToken?: string;
  consumerVersionSelectors?: BrokerOptions['consumerVersionSelectors'];
  publish: boolean;
  providerVersion?: string;
  providerBranch?: string;
  enablePending: boolean;
  includeWipPactsSince?: string;
  json: boolean;
}

/**
 * `faultline verify`: provider verification of the consumer pacts (docs/contracts.md).
 * Exit 0 every interaction verified, 1 one failed or the registry and the pacts disagree,
 * 2 bad input (no pacts, bad flags, invalid registry).
 */
export const verifyCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    program
      .command('verify')
      .description(
        "Verify the consumer pacts against their providers: --base-url, the registry's baseUrl, or the reference services (pacts from files or a Pact Broker).",
      )
      .option('--provider <name>', 'only this provider (Pact provider name or registry key)')
      .option(
        '--base-url <url>',
        'verify against this running provider instead of the reference services',
        httpUrlArg,
      )
      .option(
        '--state-url <url>',
        "the provider's state-change endpoint (POST { state, params, action }; default <base-url>/_faultline/state)",
        httpUrlArg,
      )
      .option(
        '--header <"Name: value">',
        'header added to every request to the provider, e.g. an auth token (repeatable)',
        collect,
        [],
      )
      .option(
        '--request-filter <module>',
        'module whose default export (req, res, next) changes each request (pact-js requestFilter)',
      )
      .option(
        '--timeout <ms>',
        `time the verifier waits for each provider response (default ${VERIFY_DEFAULTS.timeoutMs})`,
        parseMs,
      )
      .addOption(
        new Option(
          '--log-level <level>',
          `Pact verifier log level (default ${VERIFY_DEFAULTS.logLevel})`,
        ).choices(VERIFIER_LOG_LEVELS),
      )
      .option('--verbose', "show the Pact verifier's own report and logs (on stderr)", false)
      .option(
        '--pact <fileOrDir>',
        'pact file or directory (repeatable, or comma-separated; default contracts/)',
        collectList,
        [],
      )
      .option('--config <file>', 'service registry (default faultline.config.yaml)')
      .option(
        '--broker-url <url>',
        'fetch pacts from this Pact Broker (env PACT_BROKER_BASE_URL)',
        httpUrlArg,
      )
      .option('--broker-token <token>', 'Pact Broker token (env PACT_BROKER_TOKEN)')
      .option(
        '--consumer-version-selectors <json>',
        'JSON array of consumer version selectors',
        parseSelectors,
      )
      .option('--publish', 'publish verification results to the broker', false)
      .option('--provider-version <version>', 'provider version to publish results for (e.g. git SHA)')
      .option('--provider-branch <branch>', 'provider branch to publish results for')
      .option('--enable-pending', 'pending pacts do not fail the verification', false)
      .option('--include-wip-pacts-since <date>', 'also verify work-in-progress pacts since this date')
      .option('--json', 'print the results as JSON (the contracts event-log record)', false)
      .action(async (flags: VerifyFlags, command: Command) => {
        // verifyPacts calls its timeout timeoutMs and its pact files pacts.
        setExitCode(await runVerify(flags, io, flagsOf(command, { timeoutMs: 'timeout', pacts: 'pact' })));
      });
  },
};

async function runVerify(flags: VerifyFlags, io: CliIo, names: FlagNames): Promise<number> {
  const brokerUrl = flags.brokerUrl ?? io.env.PACT_BROKER_BASE_URL;
  const brokerOnly = [
    flags.consumerVersionSelectors && '--consumer-version-selectors',
    flags.publish && '--publish',
    flags.providerVersion && '--provider-version',
    flags.providerBranch && '--provider-branch',
    flags.enablePending && '--enable-pending',
    flags.includeWipPactsSince && '--include-wip-pacts-since',
  ].filter(Boolean);
  if (!brokerUrl && brokerOnly.length > 0) {
    io.stderr.write(
      `faultline verify: ${brokerOnly.join(', ')} need a Pact Broker: pass --broker-url or set PACT_BROKER_BASE_URL.\n`,
    );
    return ExitCode.BadInput;
  }
  const headers = parseHeaders(flags.header);
  if (!headers) {
    io.stderr.write(
      'faultline verify: --header: expected "Name: value", e.g. "Authorization: Bearer TOKEN" (a header name, a colon, the value).\n',
    );
    return ExitCode.BadInput;
  }
  let result: VerifyPactsResult;
  try {
    const config = await loadFaultlineConfig({
      cwd: io.cwd,
      ...(flags.config ? { file: flags.config } : {}),
    });
    const requestFilter = flags.requestFilter
      ? await loadRequestFilter(flags.requestFilter, io.cwd)
      : undefined;
    const color = colorEnabled(io.stderr, io.env);
    result = await verifyPacts({
      config,
      cwd: io.cwd,
      pacts: flags.pact,
      ...(flags.provider ? { provider: flags.provider } : {}),
      ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
      ...(flags.stateUrl ? { stateUrl: flags.stateUrl } : {}),
      headers,
      ...(requestFilter ? { requestFilter } : {}),
      ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout } : {}),
      ...(flags.logLevel ? { logLevel: flags.logLevel } : {}),
      ...(flags.verbose
        ? {
            onVerifierOutput: (text: string) =>
              io.stderr.write(color ? text : stripVTControlCharacters(text)),
          }
        : {}),
      ...(brokerUrl
        ? {
            broker: {
              url: brokerUrl,
              ...((flags.brokerToken ?? io.env.PACT_BROKER_TOKEN)
                ? { token: flags.brokerToken ?? io.env.PACT_BROKER_TOKEN }
                : {}),
              ...(flags.consumerVersionSelectors
                ? { consumerVersionSelectors: flags.consumerVersionSelectors }
                : {}),
              publish: flags.publish,
              ...(flags.providerVersion ? { providerVersion: flags.providerVersion } : {}),
              ...(flags.providerBranch ? { providerBranch: flags.providerBranch } : {}),
              enablePending: flags.enablePending,
              ...(flags.includeWipPactsSince ? { includeWipPactsSince: flags.includeWipPactsSince } : {}),
            },
          }
        : {}),
    });
  } catch (err) {
    if (!isFaultlineError(err)) throw err;
    io.stderr.write(`faultline verify: ${cliWording(err, names)}\n`);
    return ExitCode.BadInput;
  }
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({
        type: 'contracts',
        t: 0,
        results: result.results.map((r) => (r.message ? { ...r, message: withFlags(r.message, names) } : r)),
        problems: result.problems.map((p) => withFlags(p, names)),
      })}\n`,
    );
  } else {
    printResults(result, io, names);
  }
  return result.ok ? ExitCode.Ok : ExitCode.CheckFailed;
}

function printResults(result: VerifyPactsResult, io: CliIo, names: FlagNames): void {
  const color = colorEnabled(io.stdout, io.env);
  const paint = (f: (s: string) => string, s: string) => (color ? f(s) : s);
  let pact = '';
  for (const r of result.results) {
    const heading = `${r.consumer} -> ${r.provider}`;
    if (heading !== pact) {
      io.stdout.write(`\n${paint(pc.bold, heading)}\n`);
      pact = heading;
    }
    io.stdout.write(
      `  ${r.verdict === 'pass' ? paint(pc.green, 'PASS') : paint(pc.red, 'FAIL')}  ${r.interaction}\n`,
    );
    if (r.message)
      for (const line of withFlags(r.message, names).split('\n')) io.stdout.write(`        ${line}\n`);
  }
  for (const problem of result.problems)
    io.stdout.write(`\n${paint(pc.red, 'PROBLEM')}  ${withFlags(problem, names)}\n`);
  const failed = result.results.filter((r: ContractResult) => r.verdict === 'fail').length;
  const summary = `${result.results.length - failed} passed, ${failed} failed, ${result.problems.length} problem(s)`;
  io.stdout.write(
    `\n${result.ok ? paint(pc.green, `Contracts verified: ${summary}`) : paint(pc.red, `Contracts failed: ${summary}`)}\n`,
  );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `--header "Authorization: Bearer a:b"`: the name is up to the first colon. Undefined
 * for a malformed one, which is reported without echoing it (it may hold a token).
 */
function parseHeaders(values: readonly string[]): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    const name = colon > 0 ? value.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return undefined;
    headers[name] = value.slice(colon + 1).trim();
  }
  return headers;
}

function parseMs(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0 || ms > 2_147_483_647) {
    throw new InvalidArgumentError(`expected a whole number of milliseconds > 0, got "${value}".`);
  }
  return ms;
}

function parseSelectors(value: string): BrokerOptions['consumerVersionSelectors'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError(`expected a JSON array like '[{"mainBranch":true}]', got ${value}.`);
  }
  if (!Array.isArray(parsed) || !parsed.every((s) => typeof s === 'object' && s !== null)) {
    throw new InvalidArgumentError(`expected a JSON array of selector objects, got ${value}.`);
  }
  return parsed as BrokerOptions['consumerVersionSelectors'];
}
