import type { SearchDocument } from './search-corpus.ts';

export interface SearchHit {
  id: string;
  title: string;
  /** TF-IDF relevance, rounded to 4 decimals; higher is better. */
  score: number;
}

/** Title terms count this many times as much as body terms. */
const TITLE_WEIGHT = 2;

/** Lower-case alphanumeric terms, with a naive plural stemming ("breakers" -> "breaker"). */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((t) =>
    t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t,
  );
}

/**
 * A small TF-IDF index:
 *
 *   score(doc, query) = sum over distinct query terms t of tf(t, doc) * idf(t)
 *   tf(t, doc)        = (TITLE_WEIGHT * count in title + count in body) / terms in doc
 *   idf(t)            = ln(1 + N / df(t))
 *
 * Ties are broken by id so that results are deterministic.
 */
export function createSearchIndex(documents: readonly SearchDocument[]) {
  const indexed = documents.map((doc) => {
    const counts = new Map<string, number>();
    const title = tokenize(doc.title);
    const body = tokenize(doc.body);
    for (const t of title) counts.set(t, (counts.get(t) ?? 0) + TITLE_WEIGHT);
    for (const t of body) counts.set(t, (counts.get(t) ?? 0) + 1);
    return { doc, counts, length: Math.max(1, title.length + body.length) };
  });
  const df = new Map<string, number>();
  for (const { counts } of indexed) for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = indexed.length;

  return {
    /** All documents with a positive score, best first. */
    search(query: string): SearchHit[] {
      const terms = [...new Set(tokenize(query))];
      const hits: SearchHit[] = [];
      for (const { doc, counts, length } of indexed) {
        let score = 0;
        for (const t of terms) {
          const c = counts.get(t);
          if (c) score += (c / length) * Math.log(1 + n / (df.get(t) ?? 1));
        }
        if (score > 0)
          hits.push({ id: doc.id, title: doc.title, score: Math.round(score * 10_000) / 10_000 });
      }
      return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    },
  };
}
