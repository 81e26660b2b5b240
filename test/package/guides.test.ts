import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/package-entries.ts';

/**
 * The guides show files that tests run: docs/getting-started.md the files of
 * test/e2e/getting-started.test.ts, docs/testing-with-vitest.md the example test. Each shown
 * file must be in its guide verbatim, so the guide cannot drift from what is tested.
 */
const read = (file: string) => readFile(path.join(ROOT, file), 'utf8');

/** The contents of every fenced code block of a Markdown text. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

describe('guides', () => {
  it.each([
    ['docs/getting-started.md', 'test/fixtures/getting-started/provider.mjs'],
    ['docs/getting-started.md', 'test/fixtures/getting-started/payments.pact.test.ts'],
    ['docs/getting-started.md', 'test/fixtures/getting-started/payments-client.ts'],
    ['docs/testing-with-vitest.md', 'test/examples/payments-faults.test.ts'],
  ])('%s shows %s verbatim', async (guide, file) => {
    expect(codeBlocks(await read(guide))).toContain(await read(file));
  });

  it('docs/getting-started.md gives the commands the e2e test runs', async () => {
    const guide = await read('docs/getting-started.md');
    for (const command of [
      'npx faultline init --service payments --base-url',
      'npx vitest run test/payments.pact.test.ts',
      'npx faultline verify',
      'npx faultline run --client ./payments-client.ts',
      'request: { method: GET, path: /v1/charges/ch_1 }',
    ]) {
      expect(guide).toContain(command);
    }
  });
});
