/**
 * Cleanup as an undo stack: everything that changes the outside world (a toxic, a proxy, a
 * disabled proxy, an interceptor) pushes the function that undoes it, and the runner
 * drains the stack in reverse order in `finally` and on SIGINT/SIGTERM. An undo that fails
 * does not stop the others: errors are collected and returned, never thrown midway, so one
 * broken undo cannot leave later changes in place.
 *
 * @example
 * const undo = new UndoStack();
 * const toxic = await proxy.addToxic(spec);
 * undo.push(`remove toxic ${toxic.name}`, () => toxic.remove());
 * // ...
 * const failures = await undo.drain(); // [] when everything was undone
 */
export class UndoStack {
  private entries: Array<{ label: string; fn: () => unknown }> = [];
  private draining: Promise<UndoFailure[]> | undefined;
  /** The undo running right now, during a drain. */
  private running: string | undefined;

  /** Number of undos not yet run. */
  get size(): number {
    return this.entries.length;
  }

  /** Labels of the pending undos, oldest first (for messages and tests). */
  get labels(): string[] {
    return this.entries.map((e) => e.label);
  }

  /**
   * What is not undone yet, the undo running now first, then the others in the order they
   * will run (what a forced exit would leave behind).
   */
  get pending(): string[] {
    const next = this.entries.map((e) => e.label).reverse();
    return this.running === undefined ? next : [this.running, ...next];
  }

  /** Registers `fn` to undo a change described by `label`. */
  push(label: string, fn: () => unknown): void {
    this.entries.push({ label, fn });
  }

  /**
   * Runs every pending undo, newest first, and returns the failures (empty when all
   * succeeded). Concurrent calls share one drain, so a signal arriving while `finally`
   * drains does not run an undo twice.
   */
  drain(): Promise<UndoFailure[]> {
    if (this.draining) return this.draining;
    const run = async () => {
      const failures: UndoFailure[] = [];
      for (let entry = this.entries.pop(); entry !== undefined; entry = this.entries.pop()) {
        this.running = entry.label;
        try {
          await entry.fn();
        } catch (error) {
          failures.push({ label: entry.label, error });
        } finally {
          this.running = undefined;
        }
      }
      return failures;
    };
    this.draining = run().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }
}

/** An undo that threw; the drain went on with the others. */
export interface UndoFailure {
  label: string;
  error: unknown;
}

/** `label: message` of a failed undo, for messages and the event log. */
export function describeUndoFailure(f: UndoFailure): string {
  return `${f.label}: ${(f.error as Error)?.message ?? String(f.error)}`;
}
