#!/usr/bin/env node
// Regenerates scenarios/*.schema.json from the zod schemas (src/scenario/schema/json-schemas.ts).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { writeJsonSchemas } = await import('../src/scenario/schema/json-schemas.ts');
const written = await writeJsonSchemas(fileURLToPath(new URL('..', import.meta.url)));
for (const file of written) process.stdout.write(`wrote ${file}\n`);
