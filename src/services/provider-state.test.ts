import { describe, expect, it } from 'vitest';
import { matchProviderState, type ProviderState } from './provider-state.ts';

const seen: string[] = [];
const states: ProviderState<string[]>[] = [
  {
    name: 'token {token} is valid for {sub}',
    description: '',
    setup: (store, p) => void store.push(`${p.string('token')}/${p.string('sub')}`),
  },
  {
    name: 'token {token} is valid',
    description: '',
    setup: (store, p) => void store.push(p.string('token')),
  },
];

describe('matchProviderState', () => {
  it('matches the template with params, or the filled-in text', () => {
    const template = matchProviderState(states, 'token {token} is valid for {sub}', { token: 't', sub: 's' });
    template?.state.setup(seen, template.params);
    const filled = matchProviderState(states, 'token abc is valid for bob', {});
    expect(filled?.state.name).toBe('token {token} is valid for {sub}');
    filled?.state.setup(seen, filled.params);
    const shorter = matchProviderState(states, 'token xyz is valid', {});
    expect(shorter?.state.name).toBe('token {token} is valid');
    expect(seen).toEqual(['t/s', 'abc/bob']);
  });

  it('lets explicit params win and names a missing one', () => {
    const match = matchProviderState(states, 'token abc is valid', { token: 'from-params' });
    expect(match?.params.string('token')).toBe('from-params');
    const template = matchProviderState(states, 'token {token} is valid', {});
    expect(() => template?.params.string('token')).toThrow(/^params\.token: expected a string/);
    expect(template?.params.number('retryAfterSeconds', 1)).toBe(1);
    expect(matchProviderState(states, 'the moon is full', {})).toBeUndefined();
  });
});
