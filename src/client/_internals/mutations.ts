/**
 * TEST-ONLY fault seeding for the policies ("do the property tests have teeth?").
 *
 * test/property/mutants.test.ts switches one of these on at a time and asserts that the
 * property suite then fails. Production code never sets them: every flag is `false`, and
 * the decision points read one property of this frozen-shape object, which costs nothing
 * measurable (no allocation, no call). Not exported from src/index.ts.
 */
export interface PolicyMutations {
  /** Thresholds compare with `>` instead of `>=` (consecutive) and minimumCalls - 1 (windows). */
  thresholdOffByOne: boolean;
  /** Half-open admits every caller instead of at most halfOpenMaxCalls probes. */
  halfOpenAdmitsEveryone: boolean;
  /** A result from an older generation is applied as if it were current. */
  staleResultApplies: boolean;
  /** Non-idempotent methods are retried without an idempotency key. */
  retryWithoutIdempotencyKey: boolean;
  /** Retry-After is ignored when computing the delay. */
  ignoreRetryAfter: boolean;
  /** Backoff delays are not capped at maxDelayMs. */
  jitterAboveCap: boolean;
  /** A granted retry is not charged to the retry budget. */
  budgetNotCharged: boolean;
}

export type MutationName = keyof PolicyMutations;

/** The one shared instance read by the policies. All flags off by default. */
export const mutations: PolicyMutations = {
  thresholdOffByOne: false,
  halfOpenAdmitsEveryone: false,
  staleResultApplies: false,
  retryWithoutIdempotencyKey: false,
  ignoreRetryAfter: false,
  jitterAboveCap: false,
  budgetNotCharged: false,
};

export const mutationNames = Object.keys(mutations) as MutationName[];

/**
 * Runs `fn` with one mutation switched on, and switches it off again afterwards (also
 * when `fn` throws or rejects).
 */
export async function withMutation<T>(name: MutationName, fn: () => Promise<T> | T): Promise<T> {
  mutations[name] = true;
  try {
    return await fn();
  } finally {
    mutations[name] = false;
  }
}
