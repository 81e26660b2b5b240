/**
 * Runs `work` over `items` with at most `parallel` at once, in order of `items`; stops
 * taking new items once `signal` aborts. Rejects with the first error after the running
 * ones settle.
 */
export async function runPool<T>(
  items: readonly T[],
  parallel: number,
  signal: AbortSignal | undefined,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}
