import { expected, int } from '../../config/fields.ts';

/** Most upstream instances a scenario may ask for (`upstreams`). */
export const MAX_UPSTREAMS = 10;

/**
 * `endpoint: i` of a fault: the 1-based upstream instance it targets (omitted = every
 * instance). Whether `i <= upstreams` needs the whole file: scenario-cross-checks.ts.
 */
export function endpointField() {
  const what = `an upstream instance number 1..${MAX_UPSTREAMS}`;
  return int(1, what)
    .max(MAX_UPSTREAMS, expected(what))
    .optional()
    .describe('Only this upstream instance (1-based, see upstreams); omitted = all of them.');
}
