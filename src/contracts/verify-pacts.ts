import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { ServiceEntry } from '../config/faultline-config-schema.ts';
import { startFaultProxy } from '../proxy/start-fault-proxy.ts';
import type { ServiceName } from '../services/service-names.ts';
import { startServices } from '../services/start-services.ts';
import type { ContractResult, VerifyPactsResult } from './contract-result.ts';
import { ContractsError } from './contracts-error.ts';
import { nameInteraction, parseVerificationOutput } from './parse-verification-output.ts';
import { faultlineStateTarget, type ProviderTarget } from './provider-target.ts';
import { type PactFile, readPactFiles } from './read-pact-files.ts';
import { toxiproxyTarget } from './toxiproxy-states.ts';
import type { VerifyPactsOptions } from './verify-pacts-options.ts';

/** The registry provider name verified against the embedded fault proxy. */
export const TOXIPROXY_PROVIDER = 'toxiproxy';

/**
 * Verifies consumer pacts against providers with the Pact verifier (real FFI):
 *
 *   pacts (files | broker) -> registry check -> target per provider -> Verifier -> results
 *
 * Targets: `baseUrl` when given; else the reference service the registry names (started
 * here with provider states on); the `toxiproxy` provider against the embedded fault
 * proxy. Everything started is closed again (undo stack) before returning.
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
  const undo: Array<() => Promise<void>> = [];
  try {
    if (options.broker) return await verifyFromBroker(options, registry, undo);
    const { pacts, problems } = await collectPacts(options, cwd, registry);
    const results: ContractResult[] = [];
    const targets = new Map<string, ProviderTarget>();
    for (const pact of pacts) {
      const entry = registry.find(([, e]) => e.provider === pact.provider)?.[1];
      if (!options.baseUrl && !entry) continue; // reported in problems
      let target = targets.get(pact.provider);
      if (!target) {
        target = await startTarget(options.baseUrl, pact.provider, entry, undo);
        targets.set(pact.provider, target);
      }
      results.push(...(await runVerifier(options, pact, target, { pactUrls: [pact.path] })));
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
      `No pacts found${wanted ? ` for provider "${wanted}"` : ''} in ${where}. Run the consumer contract tests (npx vitest run test/contracts) to write them, or pass --pact.`,
    );
  }
  const providers = [...new Set(pacts.map((p) => p.provider))];
  if (options.baseUrl && providers.length > 1) {
    throw new ContractsError(
      'FAULTLINE_CONTRACTS_INVALID',
      `--base-url points at one provider, but the pacts are for ${providers.join(', ')}. Add --provider NAME or pass only that provider's pact.`,
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

async function startTarget(
  baseUrl: string | undefined,
  provider: string,
  entry: ServiceEntry | undefined,
  undo: Array<() => Promise<void>>,
): Promise<ProviderTarget> {
  if (baseUrl) return faultlineStateTarget(baseUrl.replace(/\/+$/, ''));
  if (entry?.reference) {
    const reference = entry.reference as ServiceName;
    const services = await startServices({ states: true, only: [reference] });
    undo.push(() => services.close());
    return faultlineStateTarget(services.urls[reference]);
  }
  if (provider === TOXIPROXY_PROVIDER) {
    const proxy = await startFaultProxy({ port: 0 });
    undo.push(() => proxy.close());
    return toxiproxyTarget(proxy.url);
  }
  if (entry?.baseUrl) return faultlineStateTarget(entry.baseUrl.replace(/\/+$/, ''));
  throw new ContractsError(
    'FAULTLINE_CONTRACTS_INVALID',
    `Failed to verify provider "${provider}": its registry entry has neither reference nor baseUrl. Add one, or pass --base-url.`,
  );
}

/** Runs the Pact verifier for one source and turns its report into results. */
async function runVerifier(
  options: VerifyPactsOptions,
  pact: { consumer: string; provider: string; interactions?: PactFile['interactions'] },
  target: ProviderTarget,
  source: Partial<VerifierOptions>,
): Promise<ContractResult[]> {
  const stateErrors: Array<{ state: string; message: string }> = [];
  // Why a Proxy: the verifier looks handlers up by state name, and states carry their
  // parameters in the name (`model {model} exists`), so every name gets a handler that
  // forwards to the target. Errors are collected, not thrown: a throwing handler makes
  // the verifier print a stack trace and carry on anyway.
  const stateHandlers = new Proxy({} as NonNullable<VerifierOptions['stateHandlers']>, {
    get: (_t, name) => {
      if (typeof name !== 'string') return undefined;
      const apply = (action: 'setup' | 'teardown') => async (params?: unknown) => {
        if (name === '') return undefined;
        try {
          await target.applyState(name, (params ?? {}) as Record<string, unknown>, action);
        } catch (err) {
          stateErrors.push({ state: name, message: err instanceof Error ? err.message : String(err) });
        }
        return undefined;
      };
      return { setup: apply('setup'), teardown: apply('teardown') };
    },
  });
  let raw: string;
  try {
    raw = await new Verifier({
      provider: pact.provider,
      providerBaseUrl: target.url,
      stateHandlers,
      logLevel: options.logLevel ?? 'error',
      timeout: options.timeoutMs ?? 10_000,
      ...source,
    }).verifyProvider();
  } catch (err) {
    raw = err instanceof Error ? err.message : String(err);
  }
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
  return parsed.map((result) => {
    const errors = stateErrors.filter((e) => result.interaction.includes(e.state));
    if (result.verdict === 'pass' || errors.length === 0) return result;
    const states = errors.map((e) => `provider state "${e.state}" failed: ${e.message}`).join('; ');
    return { ...result, message: `${states}; ${result.message ?? ''}` };
  });
}

async function verifyFromBroker(
  options: VerifyPactsOptions,
  registry: Array<[string, ServiceEntry]>,
  undo: Array<() => Promise<void>>,
): Promise<VerifyPactsResult> {
  const broker = options.broker!;
  if (broker.publish && !broker.providerVersion) {
    throw new ContractsError(
      'FAULTLINE_CONTRACTS_INVALID',
      'Publishing verification results needs a provider version: pass --provider-version (e.g. the git SHA).',
    );
  }
  const providers = options.provider
    ? [providerNameOf(options.provider, registry)]
    : registry.map(([, e]) => e.provider);
  const results: ContractResult[] = [];
  for (const provider of providers) {
    const entry = registry.find(([, e]) => e.provider === provider)?.[1];
    const target = await startTarget(options.baseUrl, provider, entry, undo);
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
  return { ok: results.every((r) => r.verdict === 'pass'), results, problems: [] };
}
