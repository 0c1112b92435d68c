import { ensembleFromModelJson } from '../bundle/model-json-reader.ts';
import { readTreeEnsemble, type TreeEnsemble } from '../engine/index.ts';
import type { Db } from '../workspace/index.ts';
import { getRunModel } from './runs.ts';

/**
 * The trees of a run, whichever form it stores: the engine's binary model for
 * runs trained here, XGBoost JSON for models imported from another trust's bundle.
 */
export async function getRunEnsemble(db: Db, id: string): Promise<TreeEnsemble> {
  const bytes = await getRunModel(db, id);
  let first = 0;
  while (first < bytes.length && (bytes[first] === 0x20 || bytes[first] === 0x0a || bytes[first] === 0x0d || bytes[first] === 0x09)) first++;
  if (bytes[first] === 0x7b) {
    try {
      return ensembleFromModelJson(JSON.parse(new TextDecoder().decode(bytes)));
    } catch (e) {
      throw new Error(`run '${id}': stored model.json: ${(e as Error).message}`);
    }
  }
  return readTreeEnsemble(bytes);
}
