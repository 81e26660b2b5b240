import { describe, expect, it } from 'vitest';
import { colorEnabled } from './color-enabled.ts';

describe('colorEnabled', () => {
  const tty = { isTTY: true };
  it('is on for a TTY and off for a pipe', () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled({}, {})).toBe(false);
  });

  it('obeys NO_COLOR (any non-empty value, winning over FORCE_COLOR), FORCE_COLOR and TERM=dumb', () => {
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled(tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled({}, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(tty, { TERM: 'dumb' })).toBe(false);
  });
});
