import type { UndoStack } from './undo-stack.ts';

/**
 * The undo stacks of a run that are still live, so that whoever must give up early (a
 * forced exit on the third SIGINT) can say exactly what may be left behind: the proxies,
 * toxics and servers whose undo has not run.
 *
 * @example
 * const ledger = new CleanupLedger();
 * const untrack = ledger.track(undo);
 * // ... on a forced exit:
 * io.stderr.write(`may be left behind: ${ledger.pending().join('; ')}\n`);
 */
export class CleanupLedger {
  private readonly stacks = new Set<UndoStack>();

  /** Follows `stack` until the returned function is called. */
  track(stack: UndoStack): () => void {
    this.stacks.add(stack);
    return () => this.stacks.delete(stack);
  }

  /** Every undo not yet run, newest stack first (the order cleanup would have run them). */
  pending(): string[] {
    return [...this.stacks].reverse().flatMap((s) => s.pending);
  }
}
