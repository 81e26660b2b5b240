import { readFileSync } from 'node:fs';
import { ConfigInvalidError } from './config-invalid-error.ts';
import { type FaultlineConfig, faultlineConfigSchema } from './faultline-config-schema.ts';
import { validateYaml } from './yaml/validate-yaml.ts';

/**
 * The built-in registry is the faultline.config.yaml at the package root (shipped in the
 * package; the same relative path from src/config and dist/config), so its content is
 * written once, with the reasons behind each service's settings commented beside it.
 */
const BUILT_IN_REGISTRY = new URL('../../faultline.config.yaml', import.meta.url);

let parsed: FaultlineConfig | undefined;

/**
 * The built-in service registry, used when there is no faultline.config.yaml: the shipped
 * file, parsed and validated by the registry schema on first use. Each call returns a
 * fresh copy the caller may change.
 *
 * @example
 * builtInFaultlineConfig().services.auth?.client?.timeoutMs; // 500
 */
export function builtInFaultlineConfig(): FaultlineConfig {
  if (parsed === undefined) {
    const result = validateYaml(
      readFileSync(BUILT_IN_REGISTRY, 'utf8'),
      'faultline.config.yaml (built in)',
      faultlineConfigSchema,
    );
    if (!result.ok) throw new ConfigInvalidError(result.issues);
    parsed = result.value;
  }
  return structuredClone(parsed);
}
