import { describe, expect, it } from 'vitest';
import { REDACTED } from '../redaction/redaction-defaults.ts';
import { ManualClock } from '../time/manual-clock.ts';
import { clientOptionsForLog } from './scenario-event-log.ts';

describe('clientOptionsForLog', () => {
  it('keeps settings, drops stateful objects, hides every header value and the credentials', () => {
    const out = clientOptionsForLog({
      service: 'svc',
      baseUrl: 'http://127.0.0.1:1/v1',
      timeoutMs: 500,
      clock: new ManualClock(),
      headers: { 'x-tenant': 'acme-tenant', authorization: 'Bearer abcdef' },
      auth: { kind: 'api-key', key: 'key-canary-1', header: 'x-api-key' },
    });
    expect(out).toEqual({
      service: 'svc',
      baseUrl: 'http://127.0.0.1:1/v1',
      timeoutMs: 500,
      headers: { 'x-tenant': REDACTED, authorization: REDACTED },
      auth: { kind: 'api-key', key: REDACTED, header: 'x-api-key' },
    });
    expect(JSON.stringify(out)).not.toContain('canary');
  });
});
