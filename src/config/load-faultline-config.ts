import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigInvalidError } from './config-invalid-error.ts';
import { builtInFaultlineConfig } from './default-faultline-config.ts';
import { displayPath } from './display-path.ts';
import { type FaultlineConfig, faultlineConfigSchema } from './faultline-config-schema.ts';
import { validateYaml } from './yaml/validate-yaml.ts';

export interface LoadFaultlineConfigOptions {
  /** Directory the registry is looked up in, and that relative paths resolve against. @default process.cwd() */
  cwd?: string;
  /**
   * The registry file. When given it must exist; when omitted, `faultline.config.yaml` in
   * `cwd` is used if present, else the built-in defaults.
   * @default 'faultline.config.yaml'
   */
  file?: string;
}

/** The registry file name looked up in the working directory. */
export const FAULTLINE_CONFIG_FILE = 'faultline.config.yaml';

/**
 * Loads and validates the service registry. Throws ConfigInvalidError with every issue
 * (file:line:column and field path) when it is invalid.
 *
 * @example
 * const config = await loadFaultlineConfig({ cwd: process.cwd() });
 * config.services.inference?.client?.timeoutMs; // 1000
 */
export async function loadFaultlineConfig(
  options: LoadFaultlineConfigOptions = {},
): Promise<FaultlineConfig> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, options.file ?? FAULTLINE_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && options.file === undefined) {
      return builtInFaultlineConfig();
    }
    throw new ConfigInvalidError([
      {
        file: displayPath(absolute, cwd),
        line: 1,
        column: 1,
        path: '',
        message: `cannot read the registry file (${(err as NodeJS.ErrnoException).code ?? String(err)}); pass an existing file or omit it to use the built-in registry`,
      },
    ]);
  }
  return parseFaultlineConfig(text, displayPath(absolute, cwd));
}

/** Validates registry YAML text; `file` is only used in messages. */
export function parseFaultlineConfig(text: string, file: string): FaultlineConfig {
  const result = validateYaml(text, file, faultlineConfigSchema);
  if (!result.ok) throw new ConfigInvalidError(result.issues);
  return result.value;
}
