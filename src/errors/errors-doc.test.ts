import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, exitStatusOf, isInputErrorCode } from './error-codes.ts';
import { ERRORS_DOC, errorsMarkdown } from './errors-doc.ts';

describe('error codes: one contract', () => {
  it('docs/errors.md is generated from the code table (npm run schema)', async () => {
    const committed = await readFile(new URL(`../../${ERRORS_DOC}`, import.meta.url), 'utf8');
    expect(committed).toBe(errorsMarkdown());
  });

  it('documents every code with its exit status', () => {
    const doc = errorsMarkdown();
    for (const code of Object.keys(ERROR_CODES)) expect(doc).toContain(`| \`${code}\` |`);
    expect(doc).toMatch(/\| `FAULTLINE_SCENARIO_INVALID` \| .* \| 2 \|/);
    expect(doc).toMatch(/\| `FAULTLINE_INVARIANT_VIOLATED` \| .* \| 1 \|/);
  });

  it('maps codes to exit statuses in one place: input 2, check 1, failures 2', () => {
    expect(exitStatusOf('FAULTLINE_CONFIG_INVALID')).toBe(2);
    expect(exitStatusOf('FAULTLINE_INVARIANT_VIOLATED')).toBe(1);
    expect(exitStatusOf('FAULTLINE_TIMEOUT')).toBe(2);
    expect(isInputErrorCode('FAULTLINE_SCENARIO_NOT_FOUND')).toBe(true);
    expect(isInputErrorCode('FAULTLINE_TIMEOUT')).toBe(false);
  });
});
