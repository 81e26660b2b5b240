import path from 'node:path';
import type { FaultlineConfig } from '../config/faultline-config-schema.ts';
import { groupEndpoints } from './endpoint.ts';
import { ExploreError } from './explore-error.ts';
import type { ExploreService } from './explore-service.ts';
import { readPactInteractions } from './pact-interaction.ts';

/**
 * The registry services the explorer puts proxies in front of: those with an `env` (the
 * variable the test command reads the service's URL from). Each needs a `baseUrl` (where
 * the provider listens) and a pact (which calls exist and which answers each may give).
 * `file` names the registry in messages.
 */
export async function resolveExploreServices(
  config: FaultlineConfig,
  options: { cwd: string; file: string; services?: readonly string[] },
): Promise<ExploreService[]> {
  const out: ExploreService[] = [];
  for (const name of options.services ?? Object.keys(config.services)) {
    const entry = config.services[name];
    if (!entry)
      throw new ExploreError(
        `${options.file} services.${name}: no such service; known: ${Object.keys(config.services).join(', ')}`,
      );
    if (entry.env === undefined) {
      if (options.services)
        throw new ExploreError(
          `${options.file} services.${name}.env: expected the variable that hands the test command this service's URL, e.g. env: ${name.toUpperCase().replace(/-/g, '_')}_URL`,
        );
      continue;
    }
    if (entry.baseUrl === undefined)
      throw new ExploreError(
        `${options.file} services.${name}.baseUrl: expected where the provider listens (explore forwards the test command's calls there)`,
      );
    const interactions = await readPactInteractions(path.resolve(options.cwd, entry.pact));
    out.push({
      name,
      baseUrl: entry.baseUrl,
      env: entry.env,
      endpoints: groupEndpoints(interactions),
      ...(entry.client?.timeoutMs !== undefined ? { timeoutMs: entry.client.timeoutMs } : {}),
    });
  }
  if (out.length === 0)
    throw new ExploreError(
      `${options.file} services: no service has an "env" field; add env: PAYMENTS_URL (the variable your test reads the dependency's URL from) to each service to explore`,
    );
  return out;
}
