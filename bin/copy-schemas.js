#!/usr/bin/env node
// Part of `npm run build`: copies the JSON Schemas users' files point at into schemas/, the
// folder the package ships (./node_modules/faultline/schemas/*.schema.json). The sources
// stay where the repository's own files use them; a test keeps them in step with zod.
import { copyFile, mkdir } from 'node:fs/promises';

const root = new URL('..', import.meta.url);
const sources = [
  'scenarios/scenario.schema.json',
  'scenarios/faultline-config.schema.json',
  'src/report/report.schema.json',
];
await mkdir(new URL('schemas/', root), { recursive: true });
for (const source of sources) {
  await copyFile(new URL(source, root), new URL(`schemas/${source.split('/').pop()}`, root));
}
