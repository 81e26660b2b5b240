import { describe, expect, it } from 'vitest';
import type { CellVerdict, ExploreCell, ExploreResult } from '../explore-result.ts';
import { diffExploreResults } from './diff-explore-results.ts';
import { exploreHtml } from './explore-html.ts';
import { exploreMarkdown } from './explore-markdown.ts';
import { mergeExploreResults } from './merge-explore-results.ts';

const cell = (id: string, verdict: CellVerdict): ExploreCell => {
  const [service, , fault] = id.split('/') as [string, string, string];
  return {
    id,
    faults: [{ service, endpoint: 'POST /charges', occurrence: 1, fault, label: fault }],
    verdict,
    exitCode: verdict === 'failed' ? 1 : 0,
    timedOut: false,
    durationMs: 10,
    damage: verdict === 'damaged' ? ['duplicate side effect: payments POST /charges'] : [],
    replay: `faultline explore --only ${id} -- node e2e.mjs`,
  };
};
const result = (cells: ExploreCell[]): ExploreResult => ({
  kind: 'explore',
  command: ['node', 'e2e.mjs'],
  baseline: {
    durationMs: 5,
    callSites: [{ service: 'payments', endpoint: 'POST /charges', occurrence: 1 }],
    unmatched: [],
  },
  cells,
  counts: {
    singles: 4,
    pairsPlanned: 0,
    pairsPruned: 0,
    runs: cells.length,
    tolerated: cells.filter((c) => c.verdict === 'tolerated').length,
    failed: cells.filter((c) => c.verdict === 'failed').length,
    damaged: cells.filter((c) => c.verdict === 'damaged').length,
    notReached: 0,
  },
  wallMs: 100,
  parallel: 1,
});

describe('explore results', () => {
  it('report diff flags a cell that was tolerated and now fails, and only that', () => {
    const base = result([
      cell('payments/post-charges#1/refused', 'tolerated'),
      cell('payments/post-charges#1/status-429', 'failed'),
    ]);
    const next = result([
      cell('payments/post-charges#1/refused', 'failed'),
      cell('payments/post-charges#1/status-429', 'tolerated'),
    ]);
    expect(diffExploreResults(base, next)).toEqual([
      {
        id: 'payments/post-charges#1/refused',
        baseVerdict: 'tolerated',
        newVerdict: 'failed',
        regressed: true,
      },
      {
        id: 'payments/post-charges#1/status-429',
        baseVerdict: 'failed',
        newVerdict: 'tolerated',
        regressed: false,
      },
    ]);
    expect(diffExploreResults(base, base)).toEqual([]);
  });

  it('report merge joins shards and refuses a shard passed twice', () => {
    const a = result([
      cell('payments/post-charges#1/refused', 'tolerated'),
      cell('payments/post-charges#1/slow-body', 'damaged'),
    ]);
    const b = result([cell('payments/post-charges#1/latency', 'failed')]);
    const merged = mergeExploreResults([a, b], ['shard-1', 'shard-2'])!;
    expect(merged.cells.map((c) => c.id)).toEqual([
      'payments/post-charges#1/latency',
      'payments/post-charges#1/refused',
      'payments/post-charges#1/slow-body',
    ]);
    expect(merged.counts).toMatchObject({ runs: 3, tolerated: 1, failed: 1, damaged: 1 });
    expect(() => mergeExploreResults([a, a], ['shard-1', 'again'])).toThrow(/in both shard-1 and again/);
  });

  it('summary.md has a grid per service and the replay command of each broken cell', () => {
    const text = exploreMarkdown(
      result([
        cell('payments/post-charges#1/refused', 'tolerated'),
        cell('payments/post-charges#1/slow-body', 'damaged'),
      ]),
    ).join('\n');
    expect(text).toContain('| `payments:POST /charges#1` | ✅ | ⚠️ |');
    expect(text).toContain('duplicate side effect: payments POST /charges');
    expect(text).toContain(
      'replay: `faultline explore --only payments/post-charges#1/slow-body -- node e2e.mjs`',
    );
  });

  it('report.html has a grid per service with a coloured cell per verdict, user text escaped', () => {
    const broken = cell('payments/post-charges#1/slow-body', 'damaged');
    broken.damage = ['<script>alert(1)</script>'];
    const html = exploreHtml(result([cell('payments/post-charges#1/refused', 'tolerated'), broken]));
    expect(html).toContain('<th><code>payments:POST /charges#1</code></th><td class="cell tolerated"');
    expect(html).toContain('<td class="cell damaged"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
