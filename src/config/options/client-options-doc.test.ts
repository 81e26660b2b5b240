import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient } from '../../client/create-client.ts';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import { breakerConfigDefaults, breakerConfigSchema, clientConfigSchema } from '../client-config-schema.ts';
import { faultlineConfigSchema } from '../faultline-config-schema.ts';
import { CLIENT_OPTIONS_DOC, clientOptionsMarkdown } from './client-options-doc.ts';

describe('client options: one schema', () => {
  it('docs/client-options.md is the table generated from the schemas (npm run schema)', async () => {
    const committed = await readFile(new URL(`../../../${CLIENT_OPTIONS_DOC}`, import.meta.url), 'utf8');
    expect(committed).toBe(clientOptionsMarkdown());
  });

  it('lists every option of every group with the default the client uses', () => {
    const doc = clientOptionsMarkdown();
    for (const key of Object.keys(clientConfigSchema.shape)) expect(doc).toContain(`| \`${key}\` |`);
    expect(doc).toContain(`| \`failureRateThreshold\` | \`${breakerConfigDefaults.failureRateThreshold}\` |`);
    expect(doc).toContain('| `failureStatuses` | `[408, 500..599]` |');
  });

  it('the registry and createClient refuse the same breaker value with the same words', () => {
    const registry = faultlineConfigSchema.safeParse({
      services: { auth: { baseUrl: 'http://127.0.0.1:1', client: { breaker: { failureRateThreshold: 0 } } } },
    });
    expect(registry.success).toBe(false);
    expect(breakerConfigSchema.safeParse({ failureRateThreshold: 0 }).success).toBe(false);

    let thrown: unknown;
    try {
      createClient({ service: 'auth', baseUrl: 'http://127.0.0.1:1', breaker: { failureRateThreshold: 0 } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidOptionsError);
    expect((thrown as InvalidOptionsError).field).toBe('breaker.failureRateThreshold');
    expect((thrown as Error).message).toBe('breaker.failureRateThreshold: expected a rate in (0, 1], got 0');
  });

  it('the JSON Schema carries each default and description', () => {
    const json = z.toJSONSchema(breakerConfigSchema, { io: 'input' }) as {
      properties: Record<string, { default?: unknown; description?: string }>;
    };
    expect(json.properties.failureRateThreshold?.default).toBe(breakerConfigDefaults.failureRateThreshold);
    expect(json.properties.resetTimeoutMs?.description).toBe('Time spent open before admitting probes, ms.');
  });
});
