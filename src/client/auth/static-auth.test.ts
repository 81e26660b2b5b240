import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/manual-clock.ts';
import { createAuthProvider } from './create-auth-provider.ts';

describe('static auth providers', () => {
  const clock = new ManualClock();

  it('api key in the configured header, bearer and basic in Authorization', async () => {
    expect(createAuthProvider({ kind: 'api-key', key: 'k1' }, 's', clock).headers()).toEqual({
      'x-api-key': 'k1',
    });
    expect(createAuthProvider({ kind: 'api-key', key: 'k1', header: 'X-Key' }, 's', clock).headers()).toEqual(
      {
        'x-key': 'k1',
      },
    );
    expect(createAuthProvider({ kind: 'bearer', token: 't1' }, 's', clock).headers()).toEqual({
      authorization: 'Bearer t1',
    });
    const basic = createAuthProvider({ kind: 'basic', username: 'ann', password: 'pw' }, 's', clock);
    expect(basic.headers()).toEqual({ authorization: `Basic ${Buffer.from('ann:pw').toString('base64')}` });
    expect(basic.secrets()).toContain('pw');
    expect(await basic.onUnauthorized({})).toBe(false);
  });

  it('rejects bad options without echoing the secret', () => {
    expect(() => createAuthProvider({ kind: 'basic', username: 'a:b', password: 'pw' }, 's', clock)).toThrow(
      /auth\.username/,
    );
    expect(() =>
      createAuthProvider(
        { kind: 'oauth2-client-credentials', tokenUrl: 'x', clientId: 'a', clientSecret: 'sekrit' },
        's',
        clock,
      ),
    ).toThrow(/auth\.tokenUrl/);
    try {
      createAuthProvider(
        {
          kind: 'oauth2-client-credentials',
          tokenUrl: 'http://127.0.0.1:1/t',
          clientId: '',
          clientSecret: 'sekrit',
        },
        's',
        clock,
      );
      expect.unreachable();
    } catch (err) {
      expect(String((err as Error).message)).not.toContain('sekrit');
      expect((err as Error).message).toMatch(/auth\.clientId/);
    }
  });
});
