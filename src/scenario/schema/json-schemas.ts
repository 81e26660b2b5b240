import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { faultlineConfigSchema } from '../../config/faultline-config-schema.ts';
import { scenarioSchema } from './scenario-schema.ts';

/**
 * The JSON Schemas editors use to complete and check scenario and registry files, generated
 * from the same zod definitions the loader validates with (so they cannot disagree), in
 * the "input" view: what a user writes, with defaults shown and optional fields optional.
 * Rules that need the whole file or the registry (unique phase names, known service, ...)
 * are only enforced by the loader.
 *
 * `npm run schema` writes them; a test fails when the committed files are stale.
 */
export const JSON_SCHEMA_FILES = {
  'scenarios/scenario.schema.json': scenarioSchema,
  'scenarios/faultline-config.schema.json': faultlineConfigSchema,
} as const;

/** File path (relative to the repository root) -> file content. */
export function generateJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(JSON_SCHEMA_FILES)) {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
    out[file] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}

/** Writes every JSON Schema file under `rootDir` (the repository root); returns the paths written. */
export async function writeJsonSchemas(rootDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [file, content] of Object.entries(generateJsonSchemas())) {
    const target = path.join(rootDir, file);
    // Atomic: write a temp file then rename, so an editor never reads half a schema.
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, content);
    await rename(temp, target);
    written.push(file);
  }
  return written;
}
