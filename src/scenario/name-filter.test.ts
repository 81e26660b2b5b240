import { describe, expect, it } from 'vitest';
import { nameFilter } from './name-filter.ts';

describe('nameFilter', () => {
  it('matches a case-insensitive substring, with | between alternatives', () => {
    const keep = nameFilter('Outage|SLOW body');
    expect(keep('inference outage opens the breaker')).toBe(true);
    expect(keep('search slow body is survived')).toBe(true);
    expect(keep('auth flapping')).toBe(false);
  });

  it('takes regexp syntax literally, so no pattern can backtrack', () => {
    expect(nameFilter('a.c')('abc')).toBe(false);
    expect(nameFilter('a.c')('x a.c y')).toBe(true);
    expect(nameFilter('^(a+)+$')(`${'a'.repeat(10_000)}!`)).toBe(false);
  });

  it('keeps everything for an empty pattern', () => {
    expect(nameFilter('')('anything')).toBe(true);
    expect(nameFilter(' | ')('anything')).toBe(true);
  });
});
