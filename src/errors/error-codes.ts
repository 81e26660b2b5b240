/**
 * Every error code Faultline uses, declared once: its kind (which decides the CLI exit
 * status), what it means and how to fix it. `FaultlineErrorCode` is the union of these keys,
 * so a code that is not here does not compile; docs/errors.md is generated from this table
 * (`npm run schema`) and a test fails when it is stale.
 *
 * Kinds: `input` = the user's input or usage is wrong (exit 2); `check` = something under
 * test failed a check (exit 1); `failure` = a call or an operation failed at run time (exit 2
 * when it escapes to the CLI; the client's callers usually handle it by code).
 */
export const ERROR_CODES = {
  FAULTLINE_ABORTED: {
    kind: 'failure',
    meaning: 'The call or the scenario was aborted by its signal.',
    fix: 'Expected after an abort; otherwise find who aborted the signal.',
  },
  FAULTLINE_AUTH_TOKEN: {
    kind: 'failure',
    meaning: 'The client could not obtain an auth token (OAuth2 token request failed).',
    fix: 'Check the token URL, the credentials and that the token service is up.',
  },
  FAULTLINE_BODY_TOO_LARGE: {
    kind: 'failure',
    meaning: 'A response body exceeded the client option maxResponseBytes.',
    fix: 'Raise maxResponseBytes or page the response.',
  },
  FAULTLINE_BREAKER_OPEN: {
    kind: 'failure',
    meaning: 'The circuit breaker is open: the call was refused without reaching the service.',
    fix: 'Expected while the service fails; serve a fallback or wait for resetTimeoutMs.',
  },
  FAULTLINE_BULKHEAD_FULL: {
    kind: 'failure',
    meaning: 'The bulkhead had no free slot and its queue was full.',
    fix: 'Raise bulkhead.maxConcurrent or maxQueue, or shed load.',
  },
  FAULTLINE_CLIENT_MODULE_INVALID: {
    kind: 'input',
    meaning: "A scenario's client module does not export a usable client factory.",
    fix: 'Export a function that builds the client (docs/custom-client.md).',
  },
  FAULTLINE_CLI_USAGE: {
    kind: 'input',
    meaning: 'A command was given flags or arguments it cannot use together.',
    fix: 'See `faultline <command> --help`.',
  },
  FAULTLINE_CONFIG_INVALID: {
    kind: 'input',
    meaning: 'faultline.config.yaml (the service registry) is invalid.',
    fix: 'Fix the field at the file:line named in the message (docs/client-options.md).',
  },
  FAULTLINE_CONTRACTS_INVALID: {
    kind: 'input',
    meaning: 'A pact file or the contracts setup is invalid.',
    fix: 'Fix the file named in the message (docs/contracts.md).',
  },
  FAULTLINE_CONTRACTS_NOT_FOUND: {
    kind: 'input',
    meaning: 'No pact file was found where the registry points.',
    fix: 'Generate the pacts (consumer tests) or fix `pact:` in faultline.config.yaml.',
  },
  FAULTLINE_CONTRACTS_UNSUPPORTED: {
    kind: 'input',
    meaning: 'A pact uses a specification version or feature that is not supported (message pacts).',
    fix: 'Verify HTTP interactions (Pact specification v2, v3 or v4); message pacts are not supported yet.',
  },
  FAULTLINE_DEADLINE_EXCEEDED: {
    kind: 'failure',
    meaning: "The call's overall deadline (deadlineMs) passed, retries included.",
    fix: 'Raise deadlineMs or lower timeoutMs / retry.maxAttempts.',
  },
  FAULTLINE_EXPLORE_INVALID: {
    kind: 'input',
    meaning:
      'faultline explore cannot start: a registry entry, pact or option is wrong, or the baseline run of the command did not pass.',
    fix: 'Fix the named entry or option; make the command pass without faults first.',
  },
  FAULTLINE_FALLBACK: {
    kind: 'failure',
    meaning: 'A reference service answered from its fallback (reported in its error body).',
    fix: 'Expected while its upstream fails.',
  },
  FAULTLINE_HTTP_STATUS: {
    kind: 'failure',
    meaning: 'The service answered with a non-2xx status after every retry.',
    fix: 'Read the status and body on the error.',
  },
  FAULTLINE_INIT_EXISTS: {
    kind: 'input',
    meaning: '`faultline init` would overwrite an existing file.',
    fix: 'Remove the file or pass --force.',
  },
  FAULTLINE_INIT_INVALID: {
    kind: 'input',
    meaning: '`faultline init` was given a pact it cannot read.',
    fix: 'Fix the pact file named in the message.',
  },
  FAULTLINE_INTERRUPTED: {
    kind: 'failure',
    meaning: 'The run was interrupted by SIGINT or SIGTERM; partial results are kept.',
    fix: 'Run again without interrupting.',
  },
  FAULTLINE_INVALID_OPTIONS: {
    kind: 'input',
    meaning: 'An option passed in code is out of range or of the wrong type.',
    fix: 'Fix the field named in the message (docs/client-options.md).',
  },
  FAULTLINE_INVALID_RESPONSE: {
    kind: 'failure',
    meaning: "The service's response did not match what the adapter expects.",
    fix: 'Check the contract between the client and the service.',
  },
  FAULTLINE_INVARIANT_VIOLATED: {
    kind: 'check',
    meaning: 'A property of `faultline check` found a counterexample.',
    fix: 'Replay it with the printed seed and path, then fix the policy or the config.',
  },
  FAULTLINE_MALFORMED_RESPONSE: {
    kind: 'failure',
    meaning: 'A reference service answered with a body that is not the documented shape.',
    fix: 'Check the service version against docs/services.md.',
  },
  FAULTLINE_NETWORK: {
    kind: 'failure',
    meaning: 'The connection failed (refused, reset, closed early).',
    fix: 'Check that the service is up and reachable.',
  },
  FAULTLINE_PROXY_API_ERROR: {
    kind: 'failure',
    meaning: "The fault proxy's admin API refused a request (Toxiproxy error shape).",
    fix: 'Read the status and message; see docs/toxics.md.',
  },
  FAULTLINE_PROXY_CONFIG_INVALID: {
    kind: 'input',
    meaning: "The fault proxy's config file is invalid.",
    fix: 'Fix the file named in the message (Toxiproxy JSON config format).',
  },
  FAULTLINE_PROXY_CONFIG_NOT_FOUND: {
    kind: 'input',
    meaning: "The fault proxy's config file does not exist.",
    fix: 'Check the path.',
  },
  FAULTLINE_PROXY_LISTEN_FAILED: {
    kind: 'failure',
    meaning: 'A proxy of the fault proxy could not listen on its address.',
    fix: 'Choose a free port or address.',
  },
  FAULTLINE_PROXY_PORT_IN_USE: {
    kind: 'input',
    meaning: "The fault proxy's admin port is in use.",
    fix: 'Choose another port or stop what listens there.',
  },
  FAULTLINE_PROXY_START_FAILED: {
    kind: 'failure',
    meaning: 'The fault proxy could not start.',
    fix: 'Read the cause in the message.',
  },
  FAULTLINE_RATE_LIMITED: {
    kind: 'failure',
    meaning: "The client's rate limit had no token within maxWaitMs.",
    fix: 'Raise rateLimit.ratePerSec, burst or maxWaitMs, or send fewer calls.',
  },
  FAULTLINE_REPORTER_NOT_FOUND: {
    kind: 'input',
    meaning: 'No reporter has the requested name.',
    fix: 'Use one of the names listed in the message.',
  },
  FAULTLINE_REPORT_INVALID: {
    kind: 'input',
    meaning: 'A saved run result is not a valid report.',
    fix: 'Regenerate it with `faultline run`.',
  },
  FAULTLINE_REPORT_NOT_FOUND: {
    kind: 'input',
    meaning: 'The saved run result does not exist.',
    fix: 'Check the path or run `faultline run` first.',
  },
  FAULTLINE_REPORT_USAGE: {
    kind: 'input',
    meaning: 'The reports were asked for in a way that cannot work (e.g. two reporters to one file).',
    fix: 'Read the message; give each reporter its own output.',
  },
  FAULTLINE_RETRY_BUDGET_EXHAUSTED: {
    kind: 'failure',
    meaning: 'A retry was refused because the retry budget is spent.',
    fix: 'Expected under an outage; raise retry.budget.ratio only if the service can take it.',
  },
  FAULTLINE_RUN_USAGE: {
    kind: 'input',
    meaning: 'The run was asked for something the setup cannot do (e.g. tcp faults without Toxiproxy).',
    fix: 'Read the message; give the missing setting.',
  },
  FAULTLINE_SCENARIO_EXISTS: {
    kind: 'input',
    meaning: '`faultline new` would overwrite an existing scenario.',
    fix: 'Choose another name or remove the file.',
  },
  FAULTLINE_SCENARIO_INVALID: {
    kind: 'input',
    meaning: 'A scenario file is invalid.',
    fix: 'Fix the field at the file:line named in the message (docs/scenario-format.md).',
  },
  FAULTLINE_SCENARIO_NOT_FOUND: {
    kind: 'input',
    meaning: 'No scenario matched the given files, globs or name filter.',
    fix: 'Check the paths and the filter.',
  },
  FAULTLINE_SEARCH_UNAVAILABLE: {
    kind: 'failure',
    meaning: 'The reference search service could not answer.',
    fix: 'Expected while its dependencies fail; see docs/services.md.',
  },
  FAULTLINE_SERVE_FAILED: {
    kind: 'failure',
    meaning: 'A reference service could not listen on its address.',
    fix: 'Choose a free port.',
  },
  FAULTLINE_SERVICE_INVALID_REQUEST: {
    kind: 'failure',
    meaning: 'A reference service received a request body it cannot parse.',
    fix: 'Send the documented JSON body (docs/services.md).',
  },
  FAULTLINE_SERVICE_NOT_FOUND: {
    kind: 'input',
    meaning: 'No service of that name is in the registry.',
    fix: 'Use one of the registry keys listed in the message.',
  },
  FAULTLINE_SERVICE_REJECTED: {
    kind: 'failure',
    meaning: 'A reference service refused the request (a 4xx by design).',
    fix: 'Read the reason on the error.',
  },
  FAULTLINE_SERVICE_UNAVAILABLE: {
    kind: 'failure',
    meaning: 'A reference service could not reach a dependency and has no fallback.',
    fix: 'Expected while the dependency fails; read the reason on the error.',
  },
  FAULTLINE_STATE_PATH: {
    kind: 'input',
    meaning: 'A provider-state request was sent to an unknown path.',
    fix: 'POST provider states to /_faultline/state.',
  },
  FAULTLINE_TIMEOUT: {
    kind: 'failure',
    meaning: 'One attempt exceeded timeoutMs.',
    fix: 'Raise timeoutMs, or let retries and the deadline handle it.',
  },
  FAULTLINE_TOXIPROXY_FAILED: {
    kind: 'failure',
    meaning: 'The Toxiproxy API refused or failed a request while applying a tcp fault.',
    fix: 'Check that the Toxiproxy API is up and the proxy exists.',
  },
  FAULTLINE_UNDO_FAILED: {
    kind: 'failure',
    meaning: 'Undoing applied faults failed; the cause lists each failure.',
    fix: 'Read the cause; remove the leftover toxics or handlers by hand.',
  },
  FAULTLINE_UNKNOWN: {
    kind: 'failure',
    meaning: 'A reference service reported a failure without a Faultline code.',
    fix: 'Read the message.',
  },
  FAULTLINE_USAGE: {
    kind: 'input',
    meaning: 'A test helper (faultline/vitest) was used out of order.',
    fix: 'Read the message: call it inside a test, once.',
  },
  FAULTLINE_VIRTUAL_TIME_STALLED: {
    kind: 'failure',
    meaning: 'A virtual-time run had pending work but no timer to advance to.',
    fix: 'Something awaits real I/O in virtual time; run the scenario in real time.',
  },
} as const satisfies Record<`FAULTLINE_${string}`, ErrorCodeInfo>;

/** What one code means, for docs/errors.md and the CLI. */
export interface ErrorCodeInfo {
  kind: ErrorKind;
  meaning: string;
  fix: string;
}

export type ErrorKind = 'input' | 'check' | 'failure';

/** Every stable Faultline error code. */
export type FaultlineErrorCode = keyof typeof ERROR_CODES;

/** The exit status of the CLI for each kind (0 is success and is never an error). */
export const EXIT_STATUS_BY_KIND: Readonly<Record<ErrorKind, 1 | 2>> = Object.freeze({
  input: 2,
  check: 1,
  failure: 2,
});

/**
 * The CLI exit status for an error code: the one mapping every command uses.
 *
 * @example
 * exitStatusOf('FAULTLINE_SCENARIO_INVALID'); // 2
 */
export function exitStatusOf(code: string): 1 | 2 {
  const info = (ERROR_CODES as Record<string, ErrorCodeInfo>)[code];
  return EXIT_STATUS_BY_KIND[info?.kind ?? 'failure'];
}

/** True when the code says the user's input or usage is wrong. */
export function isInputErrorCode(code: string): boolean {
  return (ERROR_CODES as Record<string, ErrorCodeInfo>)[code]?.kind === 'input';
}
