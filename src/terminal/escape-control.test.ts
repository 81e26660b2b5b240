import { describe, expect, it } from 'vitest';
import { escapeControl, escapeControlDeep } from './escape-control.ts';

describe('escapeControl', () => {
  it('shows C0, DEL, C1 and bidi controls as visible escapes, keeping tab and printable text', () => {
    expect(escapeControl('a\u001b[2Jb\rc\u0007d\u007fe\u009bf\u202eg\th é ✓')).toBe(
      'a\\x1b[2Jb\\x0dc\\x07d\\x7fe\\x9bf\\u202eg\th é ✓',
    );
  });

  it('escapes newlines unless asked to keep them', () => {
    expect(escapeControl('one\ntwo')).toBe('one\\x0atwo');
    expect(escapeControl('one\ntwo\u001b', { keepNewlines: true })).toBe('one\ntwo\\x1b');
  });

  it('escapes every string of a plain value without touching the original', () => {
    const input = { name: 'x\u001b[2J', list: ['\u001b'], n: 1, nested: { e: 'ok\n' } };
    expect(escapeControlDeep(input)).toEqual({
      name: 'x\\x1b[2J',
      list: ['\\x1b'],
      n: 1,
      nested: { e: 'ok\n' },
    });
    expect(input.name).toBe('x\u001b[2J');
  });
});
