/** Claims of a known token. `exp` is in unix seconds. */
export interface TokenClaims {
  sub: string;
  email: string;
  exp: number;
}

/** The auth service's mutable content. */
export interface AuthStore {
  tokens: Map<string, TokenClaims>;
  /** When set, every verify call answers 429 with this Retry-After. */
  rateLimited?: { retryAfterSeconds: number };
}

/** 2100-01-01T00:00:00Z: far enough that the built-in valid tokens never expire. */
export const FAR_FUTURE_EXP = 4_102_444_800;

export function createAuthStore(): AuthStore {
  return {
    tokens: new Map([
      ['valid-token-alice', { sub: 'user-alice', email: 'alice@example.com', exp: FAR_FUTURE_EXP }],
      ['valid-token-bob', { sub: 'user-bob', email: 'bob@example.com', exp: FAR_FUTURE_EXP }],
      // 2020-01-01T00:00:00Z: known but expired.
      ['expired-token', { sub: 'user-carol', email: 'carol@example.com', exp: 1_577_836_800 }],
    ]),
  };
}
