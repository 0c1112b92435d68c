/**
 * Reads an XGBoost 0.72 binary model into flat typed arrays (see
 * model-layout.ts for the byte layout).
 */
import type { BoosterModel, LinearModel, TreeEnsemble } from './ensemble.ts';
import { ByteReader, NODE_BYTES, NODE_STAT_BYTES, scanModel, type ModelLayout } from './model-layout.ts';

const DELETED = 0xffffffff;

/** Zeroed node arrays for an ensemble of numTrees trees with total nodes. */
export function allocateEnsembleArrays(total: number, numTrees: number): Omit<TreeEnsemble, 'kind' | 'objective' | 'numFeature' | 'numTrees' | 'baseMargin'> {
  return {
    treeOffsets: new Int32Array(numTrees + 1),
    splitFeature: new Int32Array(total),
    threshold: new Float32Array(total),
    defaultLeft: new Uint8Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    parent: new Int32Array(total),
    leafValue: new Float32Array(total),
    cover: new Float32Array(total),
    gain: new Float32Array(total),
    baseWeight: new Float32Array(total),
    deleted: new Uint8Array(total),
  };
}

function readTrees(r: ByteReader, layout: ModelLayout): TreeEnsemble {
  const total = layout.trees.reduce((sum, t) => sum + t.numNodes, 0);
  const e: TreeEnsemble = {
    kind: 'gbtree',
    objective: layout.objective,
    numFeature: layout.numFeature,
    numTrees: layout.trees.length,
    baseMargin: layout.baseScoreStored,
    ...allocateEnsembleArrays(total, layout.trees.length),
  };
  const v = r.view;
  let g = 0;
  layout.trees.forEach((span, t) => {
    e.treeOffsets[t] = g;
    const n = span.numNodes;
    for (let i = 0; i < n; i++, g++) {
      const at = span.nodesAt + NODE_BYTES * i;
      const parentRaw = v.getInt32(at, true);
      const cleft = v.getInt32(at + 4, true);
      const cright = v.getInt32(at + 8, true);
      const sindex = v.getUint32(at + 12, true);
      const info = v.getFloat32(at + 16, true);
      const stat = span.statsAt + NODE_STAT_BYTES * i;
      e.gain[g] = v.getFloat32(stat, true);
      e.cover[g] = v.getFloat32(stat + 4, true);
      e.baseWeight[g] = v.getFloat32(stat + 8, true);
      // The top bit of parent flags "is a left child"; the root's parent is -1.
      e.parent[g] = parentRaw === -1 ? -1 : parentRaw & 0x7fffffff;
      e.left[g] = cleft;
      e.right[g] = cright;
      if (sindex === DELETED) {
        e.deleted[g] = 1;
        e.splitFeature[g] = -1;
        e.left[g] = -1;
        e.right[g] = -1;
      } else if (cleft === -1) {
        e.splitFeature[g] = -1;
        e.leafValue[g] = info;
      } else {
        const feature = sindex & 0x7fffffff;
        if (cleft < 0 || cleft >= n || cright < 0 || cright >= n) {
          throw new Error(`model is corrupt: tree ${t} node ${i} has children ${cleft}, ${cright} outside 0..${n - 1}`);
        }
        if (feature >= layout.numFeature) {
          throw new Error(`model is corrupt: tree ${t} node ${i} splits on feature ${feature} of ${layout.numFeature}`);
        }
        e.splitFeature[g] = feature;
        e.defaultLeft[g] = sindex >>> 31;
        e.threshold[g] = info;
      }
    }
  });
  e.treeOffsets[layout.trees.length] = g;
  return e;
}

function readLinear(r: ByteReader, layout: ModelLayout): LinearModel {
  // Weights are (num_feature + 1) per output group, the bias last.
  if (layout.weightCount !== layout.numFeature + 1) {
    throw new Error(`unsupported model: gblinear has ${layout.weightCount} weights for ${layout.numFeature} features`);
  }
  const all = new Float32Array(layout.weightCount);
  for (let i = 0; i < all.length; i++) all[i] = r.view.getFloat32(layout.weightsAt + 4 * i, true);
  return {
    kind: 'gblinear',
    objective: layout.objective,
    numFeature: layout.numFeature,
    baseMargin: layout.baseScoreStored,
    weights: all.slice(0, layout.numFeature),
    bias: all[layout.numFeature],
  };
}

/** Parses an XGBoost 0.72 binary:logistic model (gbtree or gblinear); throws on anything it cannot read. */
export function readModel(bytes: Uint8Array): BoosterModel {
  const layout = scanModel(bytes);
  if (layout.numOutputGroup !== 1 || layout.numClass > 1) {
    throw new Error(`unsupported model: ${layout.numOutputGroup} output groups, ${layout.numClass} classes (only single-output models are read)`);
  }
  const r = new ByteReader(bytes);
  return layout.booster === 'gbtree' ? readTrees(r, layout) : readLinear(r, layout);
}

/** Like readModel, but throws unless the model is boosted trees. */
export function readTreeEnsemble(bytes: Uint8Array): TreeEnsemble {
  const model = readModel(bytes);
  if (model.kind !== 'gbtree') throw new Error(`expected a gbtree model, got ${model.kind}`);
  return model;
}
