import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServiceEntry } from '../config/faultline-config-schema.ts';
import { startFaultProxy } from '../proxy/start-fault-proxy.ts';
import type { ServiceName } from '../services/service-names.ts';
import { startServices } from '../services/start-services.ts';
import type { ContractResult, VerifyPactsResult } from './contract-result.ts';
import { ContractsError } from './contracts-error.ts';
import { attachStateFailures } from './describe-state-failure.ts';
import { nameInteraction, parseVerificationOutput } from './parse-verification-output.ts';
import { probeProvider } from './probe-provider.ts';
import { httpStateTarget, type ProviderTarget } from './provider-target.ts';
import { type PactFile, readPactFiles, refuseMessagePacts } from './read-pact-files.ts';
import { startFilterProxy } from './request-filter.ts';
import { type FfiVerifierOptions, runFfiVerifier } from './run-ffi-verifier.ts';
import { startStateChangeServer } from './state-change-server.ts';
import { toxiproxyTarget } from './toxiproxy-states.ts';
import { VERIFY_DEFAULTS, type VerifyPactsOptions } from './verify-pacts-options.ts';

type Undo = Array<() => Promise<void>>;

/** The registry provider name verified against the embedded fault proxy. */
export const TOXIPROXY_PROVIDER = 'toxiproxy';

/**
 * Verifies consumer pacts against providers with the Pact verifier (real FFI):
 *
 *   pacts (files | broker) -> registry check -> target per provider -> reachable? -> verifier -> results
 *
 * Targets: `baseUrl` when given; else the reference service the registry names (started
 * here with provider states on); the `toxiproxy` provider against the embedded fault
 * proxy; else the registry's `baseUrl`. A target that does not accept a TCP connection
 * is a problem (`provider NAME at URL is not reachable (ECONNREFUSED)`) and is not
 * verified. The verifier runs in a child process (src/contracts/run-ffi-verifier.ts)
 * and calls back for provider states (src/contracts/state-change-server.ts).
 * Everything started is closed again (undo stack) before returning.
 *
 * Throws ContractsError when it cannot run (no pacts, bad input). A failing contract is a
 * result with `verdict: 'fail'` naming the interaction and the mismatching field.
 *
 * @example
 * const { ok, results } = await verifyPacts({ config: await loadFaultlineConfig({ cwd }) });
 */
export async function verifyPacts(options: VerifyPactsOptions): Promise<VerifyPactsResult> {
  const cwd = options.cwd ?? process.cwd();
  const registry = Object.entries(options.config.services);
  const undo: Undo = [];
  try {
    if (options.broker) return await verifyFromBroker(options, registry, undo);
    const { pacts, problems } = await collectPacts(options, cwd, registry);
    const results: ContractResult[] = [];
    const targets = new Map<string, ProviderTarget | undefined>();
    for (const pact of pacts) {
      const entry = registry.find(([, e]) => e.provider === pact.provider)?.[1];
      if (!options.baseUrl && !entry) continue; // reported in problems
      if (!targets.has(pact.provider)) {
        targets.set(pact.provider, await reachableTarget(options, pact.provider, entry, undo, problems));
      }
      const target = targets.get(pact.provider);
      if (target) results.push(...(await runVerifier(options, pact, target, { pactUrls: [pact.path] })));
    }
    return { ok: problems.length === 0 && results.every((r) => r.verdict === 'pass'), results, problems };
  } finally {
    for (const step of undo.reverse()) await step();
  }
}

async function collectPacts(
  options: VerifyPactsOptions,
  cwd: string,
  registry: Array<[string, ServiceEntry]>,
): Promise<{ pacts: PactFile[]; problems: string[] }> {
  const byDefault = options.pacts === undefined || options.pacts.length === 0;
  const sources = byDefault
    ? [
        ...(existsSync(resolve(cwd, 'contracts')) ? ['contracts'] : []),
        ...registry.map(([, e]) => e.pact).filter((p) => existsSync(resolve(cwd, p))),
      ]
    : (options.pacts ?? []);
  const wanted = options.provider ? providerNameOf(options.provider, registry) : undefined;
  const pacts = (await readPactFiles(sources, cwd)).filter(
    (p) => wanted === undefined || p.provider === wanted,
  );
  if (pacts.length === 0) {
    const where = byDefault ? 'contracts/ or the registry pact paths' : sources.join(', ');
    throw new ContractsError(
      'FAULTLINE_CONTRACTS_NOT_FOUND',
      `No pacts found${wanted ? ` for provider "${wanted}"` : ''} in ${where}. Run your consumer contract tests to write them (docs/getting-started.md), or name the pact files to verify.`,
    );
  }
  refuseMessagePacts(pacts);
  const providers = [...new Set(pacts.map((p) => p.provider))];
  const single = options.baseUrl ? '`baseUrl`' : options.stateUrl ? '`stateUrl`' : undefined;
  if (single && providers.length > 1) {
    throw new ContractsError(
      'FAULTLINE_CONTRACTS_INVALID',
      `${single} points at one provider, but the pacts are for ${providers.join(', ')}. Name it with \`provider\` or pass only that provider's pact.`,
    );
  }
  const problems: string[] = [];
  if (!options.baseUrl) {
    for (const pact of pacts) {
      if (!registry.some(([, e]) => e.provider === pact.provider)) {
        const known = registry.map(([, e]) => e.provider).join(', ');
        problems.push(
          `${pact.displayPath}: provider "${pact.provider}" is not in the service registry (faultline.config.yaml services.*.provider: ${known}). Register it or fix the pact's provider name.`,
        );
      }
    }
  }
  if (byDefault) {
    for (const [key, entry] of registry) {
      if (wanted !== undefined && entry.provider !== wanted) continue;
      if (!pacts.some((p) => p.provider === entry.provider)) {
        problems.push(
          `services.${key}: no pact for provider "${entry.provider}" (expected ${entry.pact}). Write its consumer contract test or remove the service from faultline.config.yaml.`,
        );
      }
    }
  }
  return { pacts, problems };
}

/** `--provider` may be a registry key or a Pact provider name. */
function providerNameOf(name: string, registry: Array<[string, ServiceEntry]>): string {
  return registry.find(([key]) => key === name)?.[1].provider ?? name;
}

/**
 * Starts (or names) what `provider` is verified against and checks it accepts a
 * connection; an unreachable one is added to `problems` and yields undefined.
 */
async function reachableTarget(
  options: VerifyPactsOptions,
  provider: string,
  entry: ServiceEntry | undefined,
  undo: Undo,
  problems: string[],
): Promise<ProviderTarget | undefined> {
  const target = await startTarget(options, provider, entry, undo);
  const reason = await probeProvider(target.url);
  if (reason === undefined) return target;
  problems.push(
    `provider ${provider} at ${target.url} is not reachable (${reason}). Start the provider, or point \`baseUrl\` (or the registry's baseUrl) at it.`,
  );
  return undefined;
}

async function startTarget(
  options: VerifyPactsOptions,
  provider: string,
  entry: ServiceEntry | undefined,
  undo: Undo,
): Promise<ProviderTarget> {
  const stateUrl = options.stateUrl ?? entry?.stateUrl;
  if (options.baseUrl) return httpStateTarget(trimSlash(options.baseUrl), stateUrl);
  if (entry?.reference) {
    const reference = entry.reference as ServiceName;
    const services = await startServices({ states: true, only: [reference] });
    undo.push(() => services.close());
    return httpStateTarget(services.urls[reference], stateUrl);
  }
  if (provider === TOXIPROXY_PROVIDER) {
    const proxy = await startFaultProxy({ port: 0 });
    undo.push(() => proxy.close());
    return toxiproxyTarget(proxy.url);
  }
  if (entry?.baseUrl) return httpStateTarget(trimSlash(entry.baseUrl), stateUrl);
  throw new ContractsError(
    'FAULTLINE_CONTRACTS_INVALID',
    `Failed to verify provider "${provider}": its registry entry has neither reference nor baseUrl. Add one, or pass \`baseUrl\`.`,
  );
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Runs the Pact verifier for one source and turns its report into results. Provider
 * states go through a state-change server in this process; with a request filter,
 * requests go through a filtering proxy.
 */
async function runVerifier(
  options: VerifyPactsOptions,
  pact: { consumer: string; provider: string; interactions?: PactFile['interactions'] },
  target: ProviderTarget,
  source: Partial<FfiVerifierOptions>,
): Promise<ContractResult[]> {
  const states = await startStateChangeServer(target);
  const filter = options.requestFilter
    ? await startFilterProxy(target.url, options.requestFilter)
    : undefined;
  let outcome: Awaited<ReturnType<typeof runFfiVerifier>>;
  const timeout = options.timeoutMs ?? VERIFY_DEFAULTS.timeoutMs;
  try {
    const headers = options.headers ?? {};
    outcome = await runFfiVerifier(
      {
        provider: pact.provider,
        providerBaseUrl: filter?.url ?? target.url,
        providerStatesSetupUrl: states.url,
        ...(Object.keys(headers).length > 0 ? { customProviderHeaders: headers } : {}),
        logLevel: options.logLevel ?? VERIFY_DEFAULTS.logLevel,
        timeout,
        ...source,
      },
      options.onVerifierOutput ?? (() => {}),
    );
  } finally {
    await filter?.close();
    await states.close();
  }
  const raw = outcome.kind === 'report' ? outcome.json : outcome.reason;
  const parsed = parseVerificationOutput(raw, pact);
  if (!parsed) {
    // The verifier did not run to the end (crash, broker unreachable): every interaction fails.
    const interactions = pact.interactions ?? [{ description: '(all interactions)', states: [] }];
    return interactions.map((i) => ({
      provider: pact.provider,
      consumer: pact.consumer,
      interaction: nameInteraction(i.description, i.states),
      verdict: 'fail',
      message: `the Pact verifier could not run: ${raw.split('\n')[0]}`,
    }));
  }
  return attachStateFailures(parsed.map(explainTransportError(timeout)), states.failures, pact.interactions);
}

/**
 * The verifier says only `error sending request for url (...)` when the provider did not
 * answer in time or dropped the connection: name both causes and the timeout in force.
 */
function explainTransportError(timeoutMs: number): (result: ContractResult) => ContractResult {
  return (result) =>
    result.message?.startsWith('error sending request for url')
      ? {
          ...result,
          message: `${result.message}: no answer within ${timeoutMs} ms (\`timeoutMs\`), or the connection failed`,
        }
      : result;
}

async function verifyFromBroker(
  options: VerifyPactsOptions,
  registry: Array<[string, ServiceEntry]>,
  undo: Undo,
): Promise<VerifyPactsResult> {
  const broker = options.broker!;
  if (broker.publish && !broker.providerVersion) {
    throw new ContractsError(
      'FAULTLINE_CONTRACTS_INVALID',
      'Publishing verification results needs a provider version: pass `providerVersion` (e.g. the git SHA).',
    );
  }
  const providers = options.provider
    ? [providerNameOf(options.provider, registry)]
    : registry.map(([, e]) => e.provider);
  const results: ContractResult[] = [];
  const problems: string[] = [];
  for (const provider of providers) {
    const entry = registry.find(([, e]) => e.provider === provider)?.[1];
    const target = await reachableTarget(options, provider, entry, undo, problems);
    if (!target) continue;
    results.push(
      ...(await runVerifier(options, { consumer: '(broker)', provider }, target, {
        pactBrokerUrl: broker.url,
        ...(broker.token ? { pactBrokerToken: broker.token } : {}),
        ...(broker.consumerVersionSelectors
          ? { consumerVersionSelectors: broker.consumerVersionSelectors }
          : {}),
        publishVerificationResult: broker.publish ?? false,
        ...(broker.providerVersion ? { providerVersion: broker.providerVersion } : {}),
        ...(broker.providerBranch ? { providerVersionBranch: broker.providerBranch } : {}),
        enablePending: broker.enablePending ?? false,
        ...(broker.includeWipPactsSince ? { includeWipPactsSince: broker.includeWipPactsSince } : {}),
      })),
    );
  }
  return { ok: problems.length === 0 && results.every((r) => r.verdict === 'pass'), results, problems };
}
