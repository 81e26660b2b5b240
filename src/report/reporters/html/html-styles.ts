/** The report's inline stylesheet: system fonts only, readable without JavaScript, prints well. */
export const HTML_STYLES = `
:root { --fail: #c92a2a; --fail-bg: #ffe3e3; --pass: #2b8a3e; --pass-bg: #ebfbee; --warn: #e67700; --warn-bg: #fff4e6;
  --ink: #1c2430; --muted: #5c6773; --line: #dde2e8; --panel: #f7f9fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header.run { padding: 20px 32px; border-bottom: 1px solid var(--line); background: var(--panel); }
header.run h1 { margin: 0 0 4px; font-size: 22px; }
main { padding: 8px 32px 48px; max-width: 1440px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: var(--muted); font-size: 13px; }
.meta code, code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.badge { display: inline-block; min-width: 44px; text-align: center; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; letter-spacing: .02em; }
.badge.pass { background: var(--pass-bg); color: var(--pass); }
.badge.fail { background: var(--fail-bg); color: var(--fail); }
.badge.interrupted { background: var(--warn-bg); color: var(--warn); }
.badge.errored { background: var(--fail); color: #fff; }
.totals { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 12px; }
.totals div { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; }
.totals strong { display: block; font-size: 18px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
th, td { text-align: left; padding: 5px 7px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.phases code { white-space: pre-wrap; word-break: break-word; font-size: 11.5px; }
table.phases td:nth-child(3) { min-width: 180px; max-width: 320px; }
.table-scroll { overflow-x: auto; }
tr.fail td, tr.errored td { background: var(--fail-bg); }
tr.fail td:first-child { box-shadow: inset 4px 0 0 var(--fail); }
tr.fail .observed { color: var(--fail); font-weight: 600; }
section.scenario { border: 1px solid var(--line); border-radius: 10px; padding: 4px 20px 16px; margin: 24px 0; }
section.scenario.fail { border-color: #ffa8a8; }
section.scenario.errored { border-color: var(--fail); }
section.scenario > h2 { display: flex; align-items: center; gap: 10px; }
.replay { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; overflow-x: auto; white-space: pre; }
.error { color: var(--fail); }
figure { margin: 10px 0; }
figcaption { font-size: 12.5px; color: var(--muted); margin-bottom: 2px; }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
svg .phase-band.even { fill: #f1f3f5; }
svg .phase-band.odd { fill: #e9ecef; }
svg .phase-band.faulty { fill: #ffe8cc; }
svg .phase-label { font-size: 11px; fill: #495057; font-weight: 600; }
svg .grid { stroke: #dee2e6; stroke-width: 1; stroke-dasharray: 2 3; }
svg .axis { stroke: #868e96; }
svg .tick { font-size: 10.5px; fill: #5c6773; }
svg .legend { font-size: 11px; fill: #343a40; }
svg .series { fill: none; stroke-width: 1.8; stroke-linejoin: round; }
svg .series.p50 { stroke: #1971c2; }
svg .series.p95 { stroke: #9c36b5; stroke-dasharray: 5 3; }
svg .series.p99 { stroke: #e8590c; }
svg .series.error-rate { stroke: #e03131; stroke-width: 2; }
svg .bar { fill: #74c0fc; shape-rendering: crispEdges; }
svg rect.breaker { shape-rendering: crispEdges; }
svg .legend-swatch.p50 { fill: #1971c2; } svg .legend-swatch.p95 { fill: #9c36b5; } svg .legend-swatch.p99 { fill: #e8590c; }
svg .legend-swatch.error-rate { fill: #e03131; }
svg .legend-swatch.breaker.closed { fill: #2f9e44; } svg .legend-swatch.breaker.open { fill: #e03131; }
svg .legend-swatch.breaker.half-open { fill: #f08c00; } svg .legend-swatch.breaker.isolated { fill: #7048e8; }
.filter { margin: 8px 0; font-size: 13px; }
body.only-failing tr.scenario-row.pass, body.only-failing section.scenario.pass { display: none; }
details summary { cursor: pointer; color: var(--muted); }
@media print { section.scenario { break-inside: avoid; } .filter { display: none; } }
`;
