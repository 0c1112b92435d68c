import type { Workspace } from '../workspace/index.ts';
import { riskList, type RiskList, type RiskOptions } from './risk-list.ts';

// One list per workspace is kept: scoring with reasons takes seconds to minutes,
// and a screen pages, sorts and filters the same list many times.
const cache = new WeakMap<Workspace, { key: string; list: Promise<RiskList> }>();

/**
 * The risk list of a run, computed once per (run, dates, asOf) and reused while
 * the workspace stays open and its dataset is not imported into again.
 */
export async function cachedRiskList(ws: Workspace, runId: string, opts: RiskOptions): Promise<RiskList> {
  // Every import stamps its dataset: a newer extract means a new list.
  const stamp = await ws.db.get<{ updated_at: string }>('SELECT d.updated_at FROM runs r JOIN datasets d ON d.id = r.dataset_id WHERE r.id = ?', [runId]);
  const key = JSON.stringify([runId, stamp?.updated_at ?? null, opts.from ?? null, opts.to ?? null, opts.asOf ?? null, opts.bands ?? null]);
  const hit = cache.get(ws);
  if (hit && hit.key === key) return hit.list;
  const list = riskList(ws, runId, { ...opts, reasons: 'lazy' });
  cache.set(ws, { key, list });
  list.catch(() => {
    if (cache.get(ws)?.list === list) cache.delete(ws);
  });
  return list;
}
