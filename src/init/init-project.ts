import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FAULTLINE_CONFIG_FILE, parseFaultlineConfig } from '../config/load-faultline-config.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { scaffoldScenario } from '../scenario/scaffold-scenario.ts';
import { registryTemplate, workflowTemplate } from './init-templates.ts';
import { readPactSummary } from './pact-summary.ts';

/** Options of `initProject` (`faultline init`). */
export interface InitProjectOptions {
  /** The repository to set up. @default process.cwd() */
  cwd?: string;
  /** Registry key of the service your code depends on. @default 'my-service' */
  service?: string;
  /** Where it runs. @default 'http://127.0.0.1:8080' */
  baseUrl?: string;
  /** A consumer pact for it: consumer and provider names and a starter request come from it. */
  pact?: string;
  /** Pact consumer name. @default the pact's, else package.json's name, else the folder's */
  consumer?: string;
  /** Replace files that exist. @default false */
  force?: boolean;
}

export interface InitProjectResult {
  /** Files written, relative to cwd, in the order written. */
  written: string[];
}

/** The files init writes (checked all together before any is written). */
const CONFIG = FAULTLINE_CONFIG_FILE;
const WORKFLOW = '.github/workflows/faultline.yml';
const CONTRACTS_KEEP = 'contracts/.gitkeep';

/**
 * Sets a repository up for Faultline: the registry with one service (no reference service:
 * yours), two starter scenarios for it (mode: real), contracts/ and a CI workflow. Refuses,
 * writing nothing, when one of those files exists, unless `force`.
 *
 * @example
 * await initProject({ service: 'payments', baseUrl: 'http://127.0.0.1:4010', pact: 'pacts/checkout-payments.json' });
 */
export async function initProject(options: InitProjectOptions = {}): Promise<InitProjectResult> {
  const cwd = options.cwd ?? process.cwd();
  const service = options.service ?? 'my-service';
  if (!/^[a-z][a-z0-9-]*$/.test(service))
    throw new InvalidOptionsError(
      'service',
      'a key of lowercase letters, digits and dashes, e.g. payments',
      service,
    );
  const baseUrl = options.baseUrl ?? 'http://127.0.0.1:8080';
  if (!/^https?:\/\/[^/]+/.test(baseUrl))
    throw new InvalidOptionsError('baseUrl', 'an http(s) URL, e.g. http://127.0.0.1:4010', baseUrl);
  const pact = options.pact ? await readPactSummary(options.pact, cwd) : undefined;
  const consumer = options.consumer ?? pact?.consumer ?? (await packageName(cwd));
  const provider = pact?.provider ?? service;
  const pactPath = options.pact
    ? toPosix(path.relative(cwd, path.resolve(cwd, options.pact)))
    : `contracts/${consumer}-${provider}.json`;

  const scenarios = [
    { name: `${service} outage`, template: 'http-outage' as const },
    { name: `${service} latency`, template: 'tcp-latency' as const },
  ].map((s) => ({ ...s, file: `scenarios/${s.name.replace(/\s+/g, '-')}.yaml` }));
  const targets = [CONFIG, ...scenarios.map((s) => s.file), CONTRACTS_KEEP, WORKFLOW];
  const existing = targets.filter((f) => existsSync(path.resolve(cwd, f)));
  if (existing.length > 0 && !options.force) {
    throw new FaultlineError(
      'FAULTLINE_INIT_EXISTS',
      `Failed to initialise: ${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}. Nothing was written; pass \`force\` to replace them.`,
    );
  }

  const registryText = registryTemplate({ consumer, service, provider, pact: pactPath, baseUrl });
  // The registry must load as written; the scenarios are checked against it by scaffoldScenario.
  const config = parseFaultlineConfig(registryText, CONFIG);
  const written: string[] = [];
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.resolve(cwd, file)), { recursive: true });
    await writeFile(path.resolve(cwd, file), text);
    written.push(file);
  };
  await write(CONFIG, registryText);
  for (const s of scenarios) {
    const { file } = await scaffoldScenario({
      name: s.name,
      service,
      template: s.template,
      cwd,
      config,
      overwrite: true,
      ...(pact?.request ? { request: pact.request } : {}),
    });
    written.push(file);
  }
  await write(CONTRACTS_KEEP, '');
  await write(WORKFLOW, workflowTemplate({ baseUrl }));
  return { written };
}

async function packageName(cwd: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(path.join(cwd, 'package.json'), 'utf8')) as { name?: unknown };
    if (typeof pkg.name === 'string' && pkg.name !== '') return pkg.name.replace(/^@[^/]+\//, '');
  } catch {
    // No package.json: the folder's name.
  }
  return path.basename(cwd);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
