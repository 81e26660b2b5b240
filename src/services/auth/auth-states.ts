import { outageState, type ProviderState } from '../provider-state.ts';
import { type AuthStore, FAR_FUTURE_EXP } from './auth-store.ts';

/** Provider states of the auth service (docs/services.md lists them too). */
export const authStates: readonly ProviderState<AuthStore>[] = [
  {
    name: 'token {token} is valid for {sub}',
    description: 'The token verifies with claims sub, email (params.email, default <sub>@example.com).',
    setup(store, params) {
      const sub = params.string('sub');
      store.tokens.set(params.string('token'), {
        sub,
        email: params.string('email', `${sub}@example.com`),
        exp: params.number('exp', FAR_FUTURE_EXP),
      });
    },
  },
  {
    name: 'token {token} is valid',
    description: 'The token verifies for sub params.sub (default user-1).',
    setup(store, params) {
      const sub = params.string('sub', 'user-1');
      store.tokens.set(params.string('token'), {
        sub,
        email: params.string('email', `${sub}@example.com`),
        exp: FAR_FUTURE_EXP,
      });
    },
  },
  {
    name: 'token {token} is invalid',
    description: 'The token is unknown: verify answers 401 `invalid_token`.',
    setup(store, params) {
      store.tokens.delete(params.string('token'));
    },
  },
  outageState('auth is rate limited', 'Every verify call answers 429 `rate_limited`', (store, outage) => {
    store.rateLimited = outage;
  }),
];
