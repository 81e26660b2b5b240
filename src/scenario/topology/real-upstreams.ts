import { unplacedIssue } from '../../config/yaml/input-issue.ts';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { TcpFaultTarget } from '../faults/tcp/tcp-fault-target.ts';
import type { LoadedScenario } from '../load-scenario-file.ts';
import type { ScenarioEnvironment } from '../scenario-environment.ts';
import { ScenarioInvalidError } from '../scenario-invalid-error.ts';
import type { UndoStack } from '../undo-stack.ts';

export interface RealUpstreams {
  /** Origin of each upstream instance, in order (endpoint i is origins[i - 1]). */
  origins: string[];
  /** Path prefix of the upstream's baseUrl, kept on the client's. */
  prefix: string;
  /** One Toxiproxy proxy per instance, when the scenario has tcp faults or upstreams > 1. */
  tcp: TcpFaultTarget[];
}

/**
 * The upstream instances of a scenario in real time: the service itself (its baseUrl or the
 * reference service), or, with tcp faults or `upstreams: N > 1`, N Toxiproxy proxies in
 * front of it (named from the scenario, so a later run can sweep what a killed one left).
 *
 * @example
 * const { origins, prefix, tcp } = await realUpstreams(scenario, baseUrl, env, undo);
 */
export async function realUpstreams(
  scenario: LoadedScenario,
  baseUrl: string | undefined,
  env: ScenarioEnvironment,
  undo: UndoStack,
): Promise<RealUpstreams> {
  if (!baseUrl) {
    // Checked when the scenario is loaded (scenario-cross-checks.ts); here for a registry changed since.
    throw new ScenarioInvalidError([
      unplacedIssue(
        scenario.file,
        'service',
        `service "${scenario.service}" has neither a baseUrl nor a reference service in faultline.config.yaml.`,
      ),
    ]);
  }
  const url = new URL(baseUrl);
  const prefix = url.pathname === '/' ? '' : url.pathname;
  const n = scenario.upstreams;
  if (n === 1 && !scenario.phases.some((p) => p.faults.some((f) => f.tcp))) {
    return { origins: [url.origin], prefix, tcp: [] };
  }
  if (!env.toxiproxy)
    throw new FaultlineError('FAULTLINE_RUN_USAGE', 'tcp faults and upstreams > 1 need a Toxiproxy API');
  const tcp: TcpFaultTarget[] = [];
  for (let i = 1; i <= n; i++) {
    tcp.push(
      await TcpFaultTarget.create({
        toxiproxyUrl: env.toxiproxy.url,
        name: `${env.proxyNamePrefix ?? 'faultline-'}${slug(scenario.name)}${n === 1 ? '' : `-${i}`}`,
        upstream: url.host,
        listenOnPortZero: !env.toxiproxy.external,
        undo,
      }),
    );
  }
  return { origins: tcp.map((t) => new URL(t.baseUrl).origin), prefix, tcp };
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
