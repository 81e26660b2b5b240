#!/usr/bin/env node
// Regenerates scenarios/*.schema.json (src/scenario/schema/json-schemas.ts) and
// docs/client-options.md (src/config/options/client-options-doc.ts) from the zod schemas.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { writeJsonSchemas } = await import('../src/scenario/schema/json-schemas.ts');
const written = await writeJsonSchemas(fileURLToPath(new URL('..', import.meta.url)));
const { writeClientOptionsDoc } = await import('../src/config/options/client-options-doc.ts');
written.push(await writeClientOptionsDoc(fileURLToPath(new URL('..', import.meta.url))));
const { errorsMarkdown, ERRORS_DOC } = await import('../src/errors/errors-doc.ts');
const { writeFile, rename } = await import('node:fs/promises');
const errorsTarget = fileURLToPath(new URL(`../${ERRORS_DOC}`, import.meta.url));
await writeFile(`${errorsTarget}.tmp`, errorsMarkdown());
await rename(`${errorsTarget}.tmp`, errorsTarget);
written.push(ERRORS_DOC);
for (const file of written) process.stdout.write(`wrote ${file}\n`);
