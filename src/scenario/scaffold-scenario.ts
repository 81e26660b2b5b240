import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../config/display-path.ts';
import type { FaultlineConfig, ReferenceServiceName } from '../config/faultline-config-schema.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { parseScenario } from './load-scenario-file.ts';
import { ScenarioInvalidError } from './scenario-invalid-error.ts';

export interface ScaffoldScenarioOptions {
  /** Scenario name; the file is its kebab-case form plus `.yaml`. */
  name: string;
  /** Registry key of the service under test. @default the first service of the registry */
  service?: string;
  /**
   * The request the load sends, as a YAML flow mapping. @default a request the reference
   * service answers, else `{ method: GET, path: / }`
   */
  request?: string;
  /**
   * `http-outage`: a phase of injected 503s (breaker opens, then recovers);
   * `tcp-latency`: a latency toxic above the client's timeout (timeouts, then recovery).
   * @default 'http-outage'
   */
  template?: ScenarioTemplate;
  /** Directory of the new file, relative to cwd. @default 'scenarios' */
  dir?: string;
  /** @default process.cwd() */
  cwd?: string;
  config: FaultlineConfig;
  /** Replace an existing file (`faultline init --force`). @default false */
  overwrite?: boolean;
}

/** The starter scenarios `scaffoldScenario` writes. */
export const SCENARIO_TEMPLATES = ['http-outage', 'tcp-latency'] as const;
export type ScenarioTemplate = (typeof SCENARIO_TEMPLATES)[number];

/** The target file exists; scaffolding never overwrites. */
export class ScenarioExistsError extends FaultlineError {
  constructor(file: string) {
    super(
      'FAULTLINE_SCENARIO_EXISTS',
      `Failed to create ${file}: the file already exists. Choose another name or delete the file first.`,
    );
  }
}

/** A request each reference service answers 200/202 to (docs/services.md). */
const REQUESTS: Record<ReferenceServiceName, string> = {
  inference: '{ method: POST, path: /v1/predict, json: { model: risk-v1, inputs: { text: hello } } }',
  auth: '{ method: POST, path: /v1/tokens/verify, json: { token: valid-token-alice } }',
  notify: '{ method: POST, path: /v1/notifications, json: { userId: u-1, channel: email, message: hello } }',
  analytics:
    '{ method: POST, path: /v1/events, json: { events: [{ type: page_view, userId: u-1, at: "2026-01-01T00:00:00Z" }] } }',
  search: '{ method: GET, path: /v1/search, query: { q: hello } }',
};

/**
 * Writes a commented starter scenario that loads and validates as is: steady load, a phase
 * of injected 503s, a recovery phase, and hypotheses about each. Refuses to overwrite.
 *
 * @example
 * const { file } = await scaffoldScenario({ name: 'search overload', service: 'search', config });
 */
export async function scaffoldScenario(options: ScaffoldScenarioOptions): Promise<{ file: string }> {
  const cwd = options.cwd ?? process.cwd();
  const service = options.service ?? Object.keys(options.config.services)[0] ?? 'inference';
  const slug = options.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '')
    throw new InvalidOptionsError('name', 'a name with at least one letter or digit', options.name);
  const absolute = path.resolve(cwd, options.dir ?? 'scenarios', `${slug}.yaml`);
  const file = displayPath(absolute, cwd);
  const schemaRef = relativeRef(path.dirname(absolute), scenarioSchemaPath(cwd));
  const entry = options.config.services[service];
  const request =
    options.request ?? (entry?.reference ? REQUESTS[entry.reference] : '{ method: GET, path: / }');
  // Without a reference service there is nothing to simulate: the scenario runs in real time
  // against the service's baseUrl.
  const mode = entry !== undefined && entry.reference === undefined ? 'real' : undefined;
  const render = options.template === 'tcp-latency' ? tcpLatencyTemplate : httpOutageTemplate;
  const text = render({ name: options.name, service, request, schemaRef, mode });

  // The template must pass the loader it is written for (e.g. an unknown --service fails
  // here, with the loader's message, before any file is created).
  const parsed = parseScenario(text, file, options.config);
  if (!parsed.ok) throw new ScenarioInvalidError(parsed.issues);

  await mkdir(path.dirname(absolute), { recursive: true });
  try {
    await writeFile(absolute, text, { flag: options.overwrite ? 'w' : 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new ScenarioExistsError(file);
    throw err;
  }
  return { file };
}

/**
 * The scenario JSON Schema in the user's repository: the installed package's copy
 * (node_modules/faultline/schemas/), or scenarios/scenario.schema.json in Faultline's own clone.
 */
export function scenarioSchemaPath(cwd: string): string {
  const own = path.resolve(cwd, 'scenarios/scenario.schema.json');
  return existsSync(own) ? own : path.resolve(cwd, 'node_modules/faultline/schemas/scenario.schema.json');
}

/** `./scenario.schema.json`, `../node_modules/faultline/schemas/...`: what the editor resolves. */
export function relativeRef(fromDir: string, target: string): string {
  const relative = path.relative(fromDir, target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

interface TemplateValues {
  name: string;
  service: string;
  request: string;
  schemaRef: string;
  mode: 'real' | undefined;
}

function header(v: TemplateValues, description: string): string {
  return `# yaml-language-server: $schema=${v.schemaRef}
# Format: docs/scenario-format.md. Run: faultline run <this file>
name: ${JSON.stringify(v.name)}
description: ${description}
service: ${v.service}  # a key of faultline.config.yaml
seed: 1                          # same seed, same run
${
  v.mode === 'real'
    ? 'mode: real                       # real time against the service (it has no reference service)'
    : '# mode: auto                     # auto = virtual time when every fault is http-level'
}
`;
}

function httpOutageTemplate(v: TemplateValues): string {
  return `${header(v, 'Injected 503s open the breaker; the service recovers when they stop.')}
# Overrides of the service's client config in faultline.config.yaml (deep-merged).
client:
  breaker: { failureThreshold: 5, resetTimeoutMs: 1000 }
  # retry: false                 # false disables a policy

load:
  concurrency: 2                 # workers
  ratePerSec: 20                 # open loop; omit for back-to-back calls
  maxCalls: 1000                 # hard bound for the whole scenario
  request: ${v.request}

phases:
  - name: steady
    durationMs: 2000
  - name: outage
    durationMs: 2000
    faults:
      - http: { status: 503, retryAfter: 1 }
      # - http: { rate: 0.3, networkError: true }
      # - http: { delayMs: { uniform: [100, 400] } }
      # - tcp: { toxic: latency, attributes: { latency: 500, jitter: 50 } }   # real time only
  - name: recovery
    durationMs: 3000

hypotheses:
  - phase: steady
    successRate: { min: 0.99 }
  - phase: outage
    breaker: { opens: true }
  - phase: recovery
    breaker: { closesWithinMs: 2000 }
  # - latencyMs: { p99: { max: 500 } }
  # Judged on the wire, whatever the client reports about itself (docs/scenario-format.md):
  - sideEffects: { duplicates: { max: 0 } }      # no POST/PATCH of one call reaches the service twice without the same Idempotency-Key
  - phase: outage
    retryAfter: { respected: true }             # no retry before the Retry-After it was sent
  - phase: outage
    backsOff: { maxAmplification: 3 }           # no retry storm (add fallsTo: 0.5 for a long outage: the pressure must fall)
  # - phase: outage
  #   failsFast: { withinMs: 100, afterMs: 1000 }     # calls fail at once while the breaker is open
  # - givesUp: { withinMs: 1300 }                     # a hung request is closed within the client's timeout + tolerance
  # - nonRetryable: {}                                # a 400/401/404/422 is never retried nor masked by a fallback
`;
}

function tcpLatencyTemplate(v: TemplateValues): string {
  return `${header(v, 'Responses slower than the client timeout fail fast; calls succeed again once the latency is gone.')}
# Overrides of the service's client config in faultline.config.yaml (deep-merged).
client:
  timeoutMs: 500
  retry: { maxAttempts: 2, baseDelayMs: 50 }
  breaker: false                 # only the timeouts here; see the outage starter for the breaker

load:
  concurrency: 2
  ratePerSec: 10
  maxCalls: 500
  request: ${v.request}

phases:
  - name: steady
    durationMs: 1000
  - name: slow
    durationMs: 1500
    faults:
      - tcp: { toxic: latency, attributes: { latency: 2000 } }  # real time: through the fault proxy
  - name: recovery
    durationMs: 1500

hypotheses:
  - phase: steady
    successRate: { min: 0.99 }
  - phase: slow
    errors: { code: FAULTLINE_TIMEOUT, min: 1 }
  - phase: recovery
    successRate: { min: 0.95 }
`;
}
