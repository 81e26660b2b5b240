import { EXPLORE_HTML_STYLES, exploreHtml } from '../../explore/report/explore-html.ts';
import type { PhaseResult, RunResult, ScenarioResult, ScenarioVerdict } from '../run-result.ts';
import {
  failureHeadline,
  formatAttempts,
  formatCount,
  formatMs,
  formatRate,
  VERDICT_LABEL,
} from './format.ts';
import { escapeHtml as e } from './html/escape-html.ts';
import { HTML_STYLES } from './html/html-styles.ts';
import { breakerChart, latencyChart, throughputChart } from './html/svg-chart.ts';
import type { Reporter } from './reporter.ts';

/**
 * report.html: ONE self-contained page (inline CSS and SVG, a few lines of inline script
 * for the "only failing" filter; no network, no fonts, a CSP that forbids loading
 * anything). Every table is plain HTML, readable with JavaScript off. All user text is
 * escaped.
 */
export const htmlReporter: Reporter = {
  name: 'html',
  fileName: 'report.html',
  render(result) {
    const ok = result.exitCode === 0;
    const t = result.totals;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Faultline report: ${ok ? 'passed' : 'failed'}</title>
<style>${HTML_STYLES}${result.explore ? EXPLORE_HTML_STYLES : ''}</style>
</head>
<body>
<header class="run">
<h1>Faultline report <span class="badge ${ok ? 'pass' : 'fail'}">${ok ? 'PASSED' : 'FAILED'}</span>${result.interrupted ? ' <span class="badge interrupted">INTERRUPTED</span>' : ''}</h1>
${ok ? '' : `<p class="error headline">${e(failureHeadline(result))}.</p>`}
<div class="meta">run <code>${e(result.runId)}</code>${result.startedAt ? ` started ${e(result.startedAt)}` : ''}${result.faultlineVersion ? `, faultline ${e(result.faultlineVersion)}` : ''}${result.durationMs !== undefined ? `, took ${e(formatMs(result.durationMs))}` : ''}, exit code ${result.exitCode}</div>
<div class="totals">
<div><strong>${t.scenarios.passed}/${t.scenarios.total}</strong>scenarios passed</div>
${t.scenarios.errored > 0 ? `<div class="error"><strong>${t.scenarios.errored}</strong>errored</div>` : ''}
${t.scenarios.interrupted > 0 ? `<div><strong>${t.scenarios.interrupted}</strong>interrupted</div>` : ''}
<div><strong>${t.hypotheses.passed}/${t.hypotheses.total}</strong>hypotheses held</div>
${t.contracts.total > 0 ? `<div><strong>${t.contracts.passed}/${t.contracts.total}</strong>contract interactions</div>` : ''}
${t.checks.total > 0 ? `<div><strong>${t.checks.passed}/${t.checks.total}</strong>invariants</div>` : ''}
<div><strong>${t.calls.toLocaleString('en-US')}</strong>calls</div>
</div>
</header>
<main>
${scenarioIndex(result)}
${result.scenarios.map(scenarioSection).join('\n')}
${contractsSection(result)}
${checksSection(result)}
${result.explore ? exploreHtml(result.explore) : ''}
</main>
<script>
// Minimal interactivity: hide passing scenarios. The page is complete without it.
(function () {
  var box = document.getElementById('only-failing');
  if (!box) return;
  box.closest('.filter').hidden = false;
  box.addEventListener('change', function () { document.body.classList.toggle('only-failing', box.checked); });
})();
</script>
</body>
</html>
`;
  },
};

function badge(verdict: ScenarioVerdict): string {
  return `<span class="badge ${verdict}">${VERDICT_LABEL[verdict]}</span>`;
}

function scenarioIndex(result: RunResult): string {
  if (result.scenarios.length === 0) return '<p class="meta">No scenarios in this run.</p>';
  const rows = result.scenarios.map((s, i) => {
    const held = s.hypotheses.filter((h) => h.verdict === 'pass').length;
    const m = s.metrics;
    return `<tr class="scenario-row ${s.verdict}"><td>${badge(s.verdict)}</td><td><a href="#scenario-${i}">${e(s.name)}</a></td><td>${e(s.service)}</td><td>${e(s.mode)}</td><td class="num">${held}/${s.hypotheses.length}</td><td class="num">${m.calls}</td><td class="num">${formatRate(m.successRate)}</td><td class="num">${formatMs(m.latencyMs?.p99)}</td></tr>`;
  });
  return `<h2>Scenarios</h2>
<p class="filter" hidden><label><input type="checkbox" id="only-failing"> Show only failing scenarios</label></p>
<table class="index"><thead><tr><th>Verdict</th><th>Scenario</th><th>Service</th><th>Mode</th><th class="num">Hypotheses</th><th class="num">Calls</th><th class="num">Success</th><th class="num">p99</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function scenarioSection(s: ScenarioResult, index: number): string {
  const endMs = Math.max(
    s.durationMs,
    ...s.phases.map((p) => p.endMs),
    s.timeSeries.buckets.length * s.timeSeries.bucketMs,
  );
  const frame = { endMs, phases: s.phases };
  const ts = s.timeSeries;
  const latency = latencyChart(
    frame,
    ts,
    [
      // Drawn p99 first so the lower percentiles stay visible where they coincide.
      { label: 'p99', className: 'p99', values: ts.buckets.map((b) => b.p99) },
      { label: 'p95', className: 'p95', values: ts.buckets.map((b) => b.p95) },
      { label: 'p50', className: 'p50', values: ts.buckets.map((b) => b.p50) },
    ],
    `${s.name}: latency percentiles over time`,
  );
  return `<section class="scenario ${s.verdict}" id="scenario-${index}">
<h2>${badge(s.verdict)} ${e(s.name)}</h2>
<div class="meta">${e(s.file)} · service <code>${e(s.service)}</code> · ${e(s.mode)} time · seed <code>${s.seed}</code> · ${e(formatMs(s.durationMs))} · client ${s.clientModule === undefined ? 'Faultline reference client' : `<code>--client ${e(s.clientModule)}</code>`}</div>
${s.error ? `<p class="error">Errored: ${e(s.error)}</p>` : ''}
<h3>Replay</h3>
<pre class="replay"><code>${e(s.replayCommand)}</code></pre>
<h3>Hypotheses</h3>
${hypothesesTable(s)}
<figure><figcaption>Latency (ms) by call start time, ${e(formatMs(ts.bucketMs))} buckets</figcaption>${latency}</figure>
<figure><figcaption>Throughput (calls/s) and error rate</figcaption>${throughputChart(frame, ts, `${s.name}: throughput and error rate`)}</figure>
<figure><figcaption>Circuit breaker state</figcaption>${
    ts.buckets.some((b) => b.breakerState === null)
      ? '<p class="meta unknown">Unknown: the client under test exposes no breaker (onBreakerStateChange).</p>'
      : breakerChart(frame, ts, `${s.name}: breaker state`)
  }</figure>
<h3>Phases</h3>
${phasesTable(s)}
${transitionsTable(s)}
</section>`;
}

function hypothesesTable(s: ScenarioResult): string {
  if (s.hypotheses.length === 0) return '<p class="meta">No hypotheses.</p>';
  const rows = s.hypotheses.map(
    (h) =>
      `<tr class="hypothesis ${h.verdict}"><td>${badge(h.verdict)}</td><td>${e(h.description)}</td><td>${e(h.phase ?? 'whole run')}</td><td>${e(h.expected)}</td><td class="observed">${e(h.observed)}</td></tr>`,
  );
  return `<table class="hypotheses"><thead><tr><th>Verdict</th><th>Hypothesis</th><th>Phase</th><th>Expected</th><th>Observed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function phasesTable(s: ScenarioResult): string {
  const row = (label: string, p: PhaseResult | undefined, m: ScenarioResult['metrics']) =>
    `<tr><td>${label}</td><td class="num">${p ? `${(p.startMs / 1000).toFixed(2)}–${(p.endMs / 1000).toFixed(2)} s` : ''}</td><td>${p ? faultsCell(p) : ''}</td><td class="num">${m.calls}</td><td class="num">${formatRate(m.successRate)}</td><td class="num">${formatMs(m.latencyMs?.p50)}</td><td class="num">${formatMs(m.latencyMs?.p95)}</td><td class="num">${formatMs(m.latencyMs?.p99)}</td><td class="num">${formatMs(m.latencyMs?.max)}</td><td class="num" title="${m.measuredOn === 'wire' ? 'measured on the wire' : 'reported by the client'}">${formatAttempts(m)}${m.measuredOn === 'wire' ? ' (wire)' : ''}</td><td class="num">${formatCount(m.upstreamCalls)}</td><td class="num">${formatCount(m.shortCircuits)}</td><td class="num">${formatCount(m.fallbacks)}</td><td class="num">${m.deadlineExceeded}</td></tr>`;
  return `<div class="table-scroll"><table class="phases"><thead><tr><th>Phase</th><th class="num">Time</th><th>Faults</th><th class="num">Calls</th><th class="num">Success</th><th class="num">p50</th><th class="num">p95</th><th class="num">p99</th><th class="num">max</th><th class="num">Attempts/call</th><th class="num">Upstream</th><th class="num">Short-circuited</th><th class="num">Fallbacks</th><th class="num">Deadline exceeded</th></tr></thead>
<tbody>${s.phases.map((p) => row(e(p.name), p, p.metrics)).join('')}${row('<strong>all</strong>', undefined, s.metrics)}</tbody></table></div>`;
}

function faultsCell(p: PhaseResult): string {
  if (p.faults.length === 0) return '<span class="meta">none</span>';
  return p.faults.map((f) => `<code>${e(JSON.stringify(f))}</code>`).join('<br>');
}

function transitionsTable(s: ScenarioResult): string {
  const m = s.metrics;
  if (m.breakerTransitionCount === null)
    return '<p class="meta">Breaker transitions: unknown (the client under test exposes no breaker).</p>';
  if (m.breakerTransitionCount === 0) return '<p class="meta">The breaker never changed state.</p>';
  const rows = m.breakerTransitions.map(
    (t) =>
      `<tr><td class="num">${(t.t / 1000).toFixed(3)} s</td><td>${e(t.phase)}</td><td>${e(t.from)} → ${e(t.to)}</td></tr>`,
  );
  const more =
    m.breakerTransitionCount > m.breakerTransitions.length
      ? ` (first ${m.breakerTransitions.length} listed)`
      : '';
  return `<details><summary>Breaker transitions: ${m.breakerTransitionCount}${more}</summary><table class="transitions"><thead><tr><th class="num">Time</th><th>Phase</th><th>Transition</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

function contractsSection(result: RunResult): string {
  if (!result.contracts) return '';
  const rows = result.contracts.map(
    (c) =>
      `<tr class="${c.verdict}"><td>${badge(c.verdict)}</td><td>${e(c.provider)}</td><td>${e(c.interaction)}</td><td class="observed">${e(c.message ?? '')}</td></tr>`,
  );
  return `<h2>Contracts</h2><table class="contracts"><thead><tr><th>Verdict</th><th>Provider</th><th>Interaction</th><th>Message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function checksSection(result: RunResult): string {
  if (!result.checks) return '';
  const rows = result.checks.map(
    (c) =>
      `<tr class="${c.verdict}"><td>${badge(c.verdict)}</td><td>${e(c.service)}</td><td>${e(c.property)}</td><td class="observed">${e(c.counterexample ?? '')}</td><td>${c.seed !== undefined ? `<code>seed ${c.seed}${c.path ? ` path ${e(c.path)}` : ''}</code>` : ''}</td></tr>`,
  );
  return `<h2>Invariants</h2><table class="checks"><thead><tr><th>Verdict</th><th>Service</th><th>Property</th><th>Counterexample</th><th>Replay</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
