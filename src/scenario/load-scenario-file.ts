import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../config/display-path.ts';
import type { FaultlineConfig } from '../config/faultline-config-schema.ts';
import type { InputIssue } from '../config/yaml/input-issue.ts';
import { validateYaml } from '../config/yaml/validate-yaml.ts';
import { scenarioCrossChecks } from './scenario-cross-checks.ts';
import { ScenarioInvalidError } from './scenario-invalid-error.ts';
import { type Scenario, scenarioSchema } from './schema/scenario-schema.ts';

/** A validated scenario and the file it came from (as shown in messages and the run log). */
export type LoadedScenario = Scenario & {
  /** The file, relative to the working directory when inside it. */
  file: string;
};

export interface LoadScenarioFileOptions {
  /** Paths are resolved against, and shown relative to, this directory. @default process.cwd() */
  cwd?: string;
}

/**
 * Reads, parses and validates one scenario file against the registry. Throws
 * ScenarioInvalidError with every issue (`file:line:column path: expected ..., got ...`).
 *
 * @example
 * const scenario = await loadScenarioFile('scenarios/inference-outage.yaml', config);
 */
export async function loadScenarioFile(
  file: string,
  config: FaultlineConfig,
  options: LoadScenarioFileOptions = {},
): Promise<LoadedScenario> {
  const result = await checkScenarioFile(file, config, options);
  if (!result.ok) throw new ScenarioInvalidError(result.issues);
  return result.scenario;
}

/** Like loadScenarioFile but returns the issues instead of throwing (for multi-file runs). */
export async function checkScenarioFile(
  file: string,
  config: FaultlineConfig,
  options: LoadScenarioFileOptions = {},
): Promise<{ ok: true; scenario: LoadedScenario } | { ok: false; issues: InputIssue[] }> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, file);
  const shown = displayPath(absolute, cwd);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return {
      ok: false,
      issues: [
        { file: shown, line: 1, column: 1, path: '', message: `cannot read the scenario file (${code})` },
      ],
    };
  }
  return parseScenario(text, shown, config);
}

/** Validates scenario YAML text; `file` is only used in messages. */
export function parseScenario(
  text: string,
  file: string,
  config: FaultlineConfig,
): { ok: true; scenario: LoadedScenario } | { ok: false; issues: InputIssue[] } {
  const result = validateYaml(text, file, scenarioSchema, (raw) => scenarioCrossChecks(raw, config));
  if (!result.ok) return { ok: false, issues: result.issues };
  // Virtual time serves the service in-process, which needs a reference service: for a
  // service known only by its baseUrl, `auto` means real time (explicit `virtual` was
  // rejected above). Pinned here, where the registry is known, so every reader of the
  // scenario (resolveScenarioMode) agrees.
  const reference = config.services[result.value.service]?.reference;
  const mode = result.value.mode === 'auto' && reference === undefined ? 'real' : result.value.mode;
  return { ok: true, scenario: { ...result.value, mode, file } };
}
