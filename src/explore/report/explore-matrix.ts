import { callSiteId } from '../call-site.ts';
import type { ExploreCell, ExploreResult } from '../explore-result.ts';

/** The fault-coverage matrix of one service: call sites (rows) × faults (columns). */
export interface ServiceMatrix {
  service: string;
  /** Call site ids (`payments:POST /charges#1`), in call order. */
  rows: string[];
  /** Fault ids, in the order first planned. */
  columns: string[];
  /** `cells.get(row)?.get(column)`: the single-fault cell, if that entry ran. */
  cells: Map<string, Map<string, ExploreCell>>;
}

/**
 * Pivots the single-fault cells of a result into one matrix per service (pair cells are
 * listed apart: they have no single row and column).
 */
export function exploreMatrices(result: ExploreResult): ServiceMatrix[] {
  const byService = new Map<string, ServiceMatrix>();
  const order = result.baseline.callSites.map(callSiteId);
  for (const cell of result.cells) {
    if (cell.faults.length !== 1) continue;
    const f = cell.faults[0]!;
    let m = byService.get(f.service);
    if (!m) {
      m = { service: f.service, rows: [], columns: [], cells: new Map() };
      byService.set(f.service, m);
    }
    const row = callSiteId(f);
    if (!m.rows.includes(row)) m.rows.push(row);
    if (!m.columns.includes(f.fault)) m.columns.push(f.fault);
    let r = m.cells.get(row);
    if (!r) {
      r = new Map();
      m.cells.set(row, r);
    }
    r.set(f.fault, cell);
  }
  for (const m of byService.values()) m.rows.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...byService.values()];
}

/** One-character glyph per verdict, for grids. */
export const VERDICT_GLYPH = { tolerated: '✅', failed: '❌', damaged: '⚠️', 'not-reached': '➖' } as const;
