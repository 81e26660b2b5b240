import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** The pact-core verifier options Faultline sets (a subset of pact-core's VerifierOptions). */
export interface FfiVerifierOptions {
  provider: string;
  providerBaseUrl: string;
  pactUrls?: string[];
  providerStatesSetupUrl?: string;
  customProviderHeaders?: Record<string, string>;
  timeout: number;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  pactBrokerUrl?: string;
  pactBrokerToken?: string;
  consumerVersionSelectors?: unknown[];
  publishVerificationResult?: boolean;
  providerVersion?: string;
  providerVersionBranch?: string;
  enablePending?: boolean;
  includeWipPactsSince?: string;
}

/** What the verifier process answered: its JSON report, or the reason it could not run. */
export type FfiVerifierOutcome = { kind: 'report'; json: string } | { kind: 'crashed'; reason: string };

// The child: loads pact-core by absolute path (so it needs no loader and no node_modules
// beside the user's working directory), takes its options over IPC (not argv: headers may
// carry tokens), and answers with the verifier's JSON report. pact-core resolves with the
// report on success and rejects with Error(report) on a failed verification.
const CHILD = `
const core = require(process.argv[1]);
const pact = core.default ?? core;
process.once('message', (options) => {
  const answer = (ok, text) => process.send({ ok, text }, () => process.disconnect());
  Promise.resolve()
    .then(() => pact.logLevel(options.logLevel))
    .then(() => pact.verifyPacts(options))
    .then((json) => answer(true, json), (err) => answer(false, err instanceof Error ? err.message : String(err)));
});
`;

let pactCorePath: string | undefined;

/** pact-core as @pact-foundation/pact resolves it (it may be nested under pact's node_modules). */
function resolvePactCore(): string {
  if (pactCorePath === undefined) {
    const pactEntry = createRequire(import.meta.url).resolve('@pact-foundation/pact');
    pactCorePath = createRequire(pactEntry).resolve('@pact-foundation/pact-core');
  }
  return pactCorePath;
}

/**
 * Runs the Pact verifier (pact_ffi through pact-core) in a child process.
 *
 * Why a child: the Rust verifier prints its report straight to file descriptor 1, which
 * no JavaScript stream can redirect. In a child, that output is a pipe that goes to
 * `onOutput` (stderr with `--verbose`, nowhere otherwise), so `faultline verify --json`
 * prints only JSON on stdout and Faultline decides about colour.
 */
export function runFfiVerifier(
  options: FfiVerifierOptions,
  onOutput: (chunk: string) => void,
): Promise<FfiVerifierOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', CHILD, resolvePactCore()], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let transcript = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      transcript = (transcript + text).slice(-4000);
      onOutput(text);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    let answer: { ok: boolean; text: string } | undefined;
    child.on('message', (message) => {
      answer = message as { ok: boolean; text: string };
    });
    child.on('error', (err) => resolve({ kind: 'crashed', reason: err.message }));
    child.on('close', (code, signal) => {
      if (answer) resolve({ kind: 'report', json: answer.text });
      else {
        const last = transcript.trim().split('\n').at(-1) ?? '';
        resolve({
          kind: 'crashed',
          reason: `the verifier process ended (${signal ?? `exit code ${code}`}) without a report${last ? `: ${last}` : ''}`,
        });
      }
    });
    // A child that dies before reading its options is reported by 'close' above.
    child.send(options, () => {});
  });
}
