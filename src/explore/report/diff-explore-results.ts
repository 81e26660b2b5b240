import type { CellVerdict, ExploreResult } from '../explore-result.ts';

/** A cell whose verdict changed between two explorations (or that is new / gone). */
export interface ExploreCellDiff {
  id: string;
  baseVerdict?: CellVerdict;
  newVerdict?: CellVerdict;
  /** The cell was tolerated in the base exploration and is not any more. */
  regressed: boolean;
}

/**
 * Cells of two explorations compared by plan entry id: a cell that was tolerated and now
 * fails, is damaged or was not reached is a regression. Unchanged cells are left out;
 * added and removed cells are listed, not regressions.
 */
export function diffExploreResults(
  base: ExploreResult | undefined,
  next: ExploreResult | undefined,
): ExploreCellDiff[] {
  const before = new Map((base?.cells ?? []).map((c) => [c.id, c.verdict]));
  const out: ExploreCellDiff[] = [];
  for (const cell of next?.cells ?? []) {
    const was = before.get(cell.id);
    before.delete(cell.id);
    if (was === cell.verdict) continue;
    out.push({
      id: cell.id,
      ...(was !== undefined ? { baseVerdict: was } : {}),
      newVerdict: cell.verdict,
      regressed: was === 'tolerated',
    });
  }
  for (const [id, was] of before) out.push({ id, baseVerdict: was, regressed: false });
  return out;
}
