import { describe, expect, it } from 'vitest';
import { fakeCliIo } from '../../test/support/fake-cli-io.ts';
import { FORCED_EXIT_CODE, handleInterrupts } from './interrupt-handler.ts';

describe('handleInterrupts', () => {
  it('stops once, never aborts cleanup on the second signal, forces the exit on the third', () => {
    const exits: number[] = [];
    const io = { ...fakeCliIo(), exit: (code: number) => exits.push(code) };
    const stops: string[] = [];
    let pending = ['remove the faults of phase slow', 'delete proxy faultline-abc'];
    const release = handleInterrupts({
      io,
      command: 'faultline run',
      stop: (signal) => stops.push(signal),
      pending: () => pending,
    });

    io.raise('SIGINT');
    io.raise('SIGINT');
    expect(stops).toEqual(['SIGINT']);
    expect(exits).toEqual([]);
    expect(io.err()).toContain('still cleaning up (2 undos left: remove the faults of phase slow, ...)');

    pending = ['delete proxy faultline-abc'];
    io.raise('SIGTERM');
    expect(exits).toEqual([FORCED_EXIT_CODE]);
    expect(io.err()).toContain(
      'forced exit by SIGTERM; may be left behind (undo by hand):\n  - delete proxy faultline-abc\n',
    );
    release();
    io.raise('SIGINT');
    expect(stops).toEqual(['SIGINT']);
  });
});
