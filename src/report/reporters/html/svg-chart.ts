import type { BreakerState } from '../../../client/client-types.ts';
import type { PhaseResult, TimeSeries } from '../../run-result.ts';
import { formatMs } from '../format.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * Server-side SVG charts (no script, no fonts, no network): a time axis shared by every
 * chart of a scenario, the phases drawn as shaded, labelled bands behind the data.
 *
 *   +--------------------------------------------+
 *   | steady   | outage (faults) | recovery      |  <- phase bands (.phase-band)
 *   |  ___/\___|_______          |  ____         |  <- series
 *   +--------------------------------------------+
 *   0 s                                      6 s
 */
const WIDTH = 900;
const PAD = { left: 64, right: 56, top: 36, bottom: 26 } as const;

export interface ChartFrame {
  /** End of the time axis, ms. */
  endMs: number;
  phases: PhaseResult[];
}

export interface LineSeries {
  label: string;
  className: string;
  values: Array<number | null>;
}

export const BREAKER_COLORS: Record<BreakerState, string> = {
  closed: '#2f9e44',
  'half-open': '#f08c00',
  open: '#e03131',
  isolated: '#7048e8',
};

/** Latency percentiles over time: one line per series, y in ms. */
export function latencyChart(
  frame: ChartFrame,
  series: TimeSeries,
  lines: LineSeries[],
  title: string,
): string {
  const height = 220;
  const yMax = niceMax(Math.max(1, ...lines.flatMap((l) => l.values.map((v) => v ?? 0))));
  const y = (v: number) => height - PAD.bottom - (v / yMax) * (height - PAD.top - PAD.bottom);
  const x = xScale(frame);
  const paths = lines.map((line) => {
    let d = '';
    let pen = false;
    line.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      const px = x(series.buckets[i]!.t + series.bucketMs / 2);
      d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return `<path class="series ${line.className}" d="${d}"><title>${escapeHtml(line.label)}</title></path>`;
  });
  const ticks = yTicks(yMax).map((v) => yTick(y(v), formatMs(v)));
  const legend = legendItems(lines.map((l) => ({ label: l.label, className: l.className })));
  return svg(title, height, [...phaseBands(frame, height), ...ticks, ...paths, xAxis(frame, height), legend]);
}

/** Calls per second (bars) and error rate (line, right axis 0..100%). */
export function throughputChart(frame: ChartFrame, series: TimeSeries, title: string): string {
  const height = 200;
  const perSec = series.buckets.map((b) => (b.calls * 1000) / series.bucketMs);
  const yMax = niceMax(Math.max(1, ...perSec));
  const inner = height - PAD.top - PAD.bottom;
  const y = (v: number) => height - PAD.bottom - (v / yMax) * inner;
  const yRate = (r: number) => height - PAD.bottom - r * inner;
  const x = xScale(frame);
  // A filled step line rather than one bar per bucket: no aliasing seams with hundreds of buckets.
  const base = height - PAD.bottom;
  let area = `M${x(0).toFixed(1)},${base}`;
  series.buckets.forEach((b, i) => {
    const top = y(perSec[i]!).toFixed(1);
    area += `L${x(b.t).toFixed(1)},${top}L${x(b.t + series.bucketMs).toFixed(1)},${top}`;
  });
  const last = series.buckets.at(-1);
  area += `L${x(last ? last.t + series.bucketMs : 0).toFixed(1)},${base}Z`;
  const peak = Math.max(0, ...perSec);
  const bars = [
    `<path class="bar" d="${area}"><title>${escapeHtml(`calls/s per ${formatMs(series.bucketMs)} bucket, peak ${peak.toFixed(1)}/s`)}</title></path>`,
  ];
  let d = '';
  let pen = false;
  for (const b of series.buckets) {
    if (b.calls === 0) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(b.t + series.bucketMs / 2).toFixed(1)},${yRate(b.errors / b.calls).toFixed(1)}`;
    pen = true;
  }
  const ticks = yTicks(yMax).map((v) => yTick(y(v), `${yMax < 10 ? Number(v.toFixed(2)) : Math.round(v)}/s`));
  const rateTicks = [0, 0.5, 1].map(
    (r) =>
      `<text class="tick right" x="${WIDTH - PAD.right + 6}" y="${(yRate(r) + 4).toFixed(1)}">${r * 100}%</text>`,
  );
  const legend = legendItems([
    { label: 'calls/s', className: 'bar' },
    { label: 'error rate', className: 'error-rate' },
  ]);
  return svg(title, height, [
    ...phaseBands(frame, height),
    ...ticks,
    ...rateTicks,
    ...bars,
    `<path class="series error-rate" d="${d}"><title>error rate</title></path>`,
    xAxis(frame, height),
    legend,
  ]);
}

/** The breaker state as a coloured band over time. */
export function breakerChart(frame: ChartFrame, series: TimeSeries, title: string): string {
  const height = 104;
  const x = xScale(frame);
  const top = PAD.top + 8;
  const bandHeight = height - PAD.bottom - top;
  // Runs of buckets in the same state become one rect: no hairline seams between buckets.
  const cells: string[] = [];
  for (let i = 0; i < series.buckets.length; ) {
    const state = series.buckets[i]!.breakerState;
    let j = i;
    while (j + 1 < series.buckets.length && series.buckets[j + 1]!.breakerState === state) j++;
    const from = series.buckets[i]!.t;
    const to = series.buckets[j]!.t + series.bucketMs;
    const w = Math.max(0.5, x(to) - x(from));
    // Unknown (a client that exposes no breaker) is never drawn as a state.
    if (state === null) {
      i = j + 1;
      continue;
    }
    cells.push(
      `<rect class="breaker ${state}" x="${x(from).toFixed(1)}" y="${top}" width="${w.toFixed(1)}" height="${bandHeight}" fill="${BREAKER_COLORS[state]}"><title>${escapeHtml(`${formatSeconds(from)}-${formatSeconds(to)}: ${state}`)}</title></rect>`,
    );
    i = j + 1;
  }
  const legend = legendItems(
    (Object.keys(BREAKER_COLORS) as BreakerState[]).map((s) => ({ label: s, className: `breaker ${s}` })),
  );
  return svg(title, height, [...phaseBands(frame, height), ...cells, xAxis(frame, height), legend]);
}

function svg(title: string, height: number, parts: string[]): string {
  return `<svg class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

function xScale(frame: ChartFrame): (ms: number) => number {
  const span = Math.max(1, frame.endMs);
  return (ms) => PAD.left + (Math.min(Math.max(ms, 0), span) / span) * (WIDTH - PAD.left - PAD.right);
}

/** One shaded band per phase; phases with faults are tinted and marked with a bolt. */
function phaseBands(frame: ChartFrame, height: number): string[] {
  const x = xScale(frame);
  return frame.phases.map((phase, i) => {
    const x0 = x(phase.startMs);
    const w = Math.max(0.5, x(phase.endMs) - x0);
    const faulty = phase.faults.length > 0;
    const cls = `phase-band ${faulty ? 'faulty' : i % 2 === 0 ? 'even' : 'odd'}`;
    const label = `${faulty ? '⚡ ' : ''}${phase.name}`;
    return (
      `<g class="phase"><rect class="${cls}" x="${x0.toFixed(1)}" y="${PAD.top - 16}" width="${w.toFixed(1)}" height="${height - PAD.bottom - PAD.top + 16}"><title>${escapeHtml(`${phase.name}: ${(phase.startMs / 1000).toFixed(2)}-${(phase.endMs / 1000).toFixed(2)} s${faulty ? `, ${phase.faults.length} fault(s)` : ''}`)}</title></rect>` +
      `<text class="phase-label" x="${(x0 + 4).toFixed(1)}" y="${PAD.top - 4}">${escapeHtml(truncate(label, Math.max(3, Math.floor(w / 7))))}</text></g>`
    );
  });
}

function xAxis(frame: ChartFrame, height: number): string {
  const x = xScale(frame);
  const base = height - PAD.bottom;
  const step = niceStep(frame.endMs / 8);
  const ticks: string[] = [];
  for (let ms = 0; ms <= frame.endMs + 1e-9; ms += step) {
    ticks.push(
      `<text class="tick" x="${x(ms).toFixed(1)}" y="${base + 16}" text-anchor="middle">${formatSeconds(ms)}</text>`,
    );
  }
  return `<line class="axis" x1="${PAD.left}" y1="${base}" x2="${WIDTH - PAD.right}" y2="${base}"/>${ticks.join('')}`;
}

function yTick(py: number, label: string): string {
  return `<line class="grid" x1="${PAD.left}" y1="${py.toFixed(1)}" x2="${WIDTH - PAD.right}" y2="${py.toFixed(1)}"/><text class="tick" x="${PAD.left - 6}" y="${(py + 4).toFixed(1)}" text-anchor="end">${escapeHtml(label)}</text>`;
}

function legendItems(items: Array<{ label: string; className: string }>): string {
  let offset = WIDTH - PAD.right;
  const parts: string[] = [];
  for (const item of [...items].reverse()) {
    offset -= item.label.length * 6.5 + 22;
    parts.push(
      `<rect class="legend-swatch ${item.className}" x="${offset.toFixed(1)}" y="2" width="10" height="10"/><text class="legend" x="${(offset + 14).toFixed(1)}" y="11">${escapeHtml(item.label)}</text>`,
    );
  }
  return `<g class="legend-group">${parts.join('')}</g>`;
}

function yTicks(max: number): number[] {
  return [0, max / 4, max / 2, (3 * max) / 4, max];
}

/** Rounds up to 1, 2, 2.5 or 5 times a power of ten. */
function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (value <= m * power) return m * power;
  return 10 * power;
}

function niceStep(value: number): number {
  const candidates = [
    100, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
  ];
  return candidates.find((c) => c >= value) ?? 3_600_000;
}

function formatSeconds(ms: number): string {
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(ms % 60_000 === 0 ? 0 : 1)} min`;
  return `${Number((ms / 1000).toFixed(2))} s`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
