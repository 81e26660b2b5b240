import type { CallSite } from './call-site.ts';
import type { ExploreFault } from './fault-catalog.ts';

/** One run to make: faults on call sites (one, or two with `--pairs`). */
export interface PlanEntry {
  id: string;
  targets: Array<{ site: CallSite; fault: ExploreFault }>;
}

/** `payments/post-charges#1/status-429`: stable, shell-safe, readable. */
export function planEntryId(site: CallSite, faultId: string): string {
  const slug = site.endpoint
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${site.service}/${slug}#${site.occurrence}/${faultId}`;
}

/** Entries of shard `index` (1-based) of `count`: every count-th entry, so slices are even. */
export function shardOf<T>(entries: readonly T[], index: number, count: number): T[] {
  return entries.filter((_, i) => i % count === index - 1);
}
