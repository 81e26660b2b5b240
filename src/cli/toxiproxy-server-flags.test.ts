import { describe, expect, it } from 'vitest';
import { toxiproxyServerFlags } from './toxiproxy-server-flags.ts';

describe('toxiproxyServerFlags', () => {
  it("rewrites toxiproxy-server's single-dash flags into long options", () => {
    expect(
      toxiproxyServerFlags([
        '-host',
        '0.0.0.0',
        '-port',
        '8474',
        '-config',
        'c.json',
        '-seed',
        '-3',
        '-proxy-metrics',
      ]),
    ).toEqual([
      '--host',
      '0.0.0.0',
      '--port',
      '8474',
      '--config',
      'c.json',
      '--seed',
      '-3',
      '--proxy-metrics',
    ]);
  });

  it('keeps =value, reads Go booleans (=true / =false) and maps -h to --help', () => {
    expect(
      toxiproxyServerFlags(['-port=0', '--host=::1', '-runtime-metrics=true', '-proxy-metrics=false', '-h']),
    ).toEqual(['--port=0', '--host=::1', '--runtime-metrics', '--help']);
  });

  it('leaves unknown flags, values and everything after -- to commander', () => {
    expect(toxiproxyServerFlags(['-x', '-verbose', 'host', '--', '-host'])).toEqual([
      '-x',
      '-verbose',
      'host',
      '--',
      '-host',
    ]);
    expect(toxiproxyServerFlags(['-runtime-metrics=maybe'])).toEqual(['-runtime-metrics=maybe']);
  });
});
