/**
 * Byte layout of an XGBoost 0.72 binary model (little-endian, structs written
 * as raw memory):
 *   ["binf"] LearnerModelParam(136) string name_obj, string name_gbm, booster, [attributes]
 *   gbtree:   GBTreeModelParam(160), per tree: TreeParam(148), Node(20)*n, NodeStat(16)*n; tree_info int32*num_trees
 *   gblinear: GBLinearModelParam(136), vector<float> weight
 * Strings and vectors are a uint64 length followed by the items.
 */

export const LEARNER_PARAM_BYTES = 136;
export const GBTREE_PARAM_BYTES = 160;
export const TREE_PARAM_BYTES = 148;
export const NODE_BYTES = 20;
export const NODE_STAT_BYTES = 16;
export const GBLINEAR_PARAM_BYTES = 136;

/** Byte offset of num_trees inside GBTreeModelParam. */
export const GBTREE_NUM_TREES_AT = 0;

/** Where one tree's parts sit in the file. */
export interface TreeSpan {
  start: number;
  nodesAt: number;
  statsAt: number;
  end: number;
  numNodes: number;
  numDeleted: number;
}

/** Offsets and header fields of a scanned model. */
export interface ModelLayout {
  baseScoreStored: number;
  numFeature: number;
  numClass: number;
  objective: string;
  booster: string;
  /** Offset of the booster's own parameter struct. */
  boosterAt: number;
  /** gbtree only. */
  trees: TreeSpan[];
  numOutputGroup: number;
  treeInfoAt: number;
  /** gblinear only: offset of the weight vector's items and their count. */
  weightsAt: number;
  weightCount: number;
  /** Offset just after the booster: optional attributes follow. */
  boosterEnd: number;
}

/** Bounds-checked little-endian reader with errors that say what was being read. */
export class ByteReader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(at: number, n: number, what: string): void {
    if (at < 0 || at + n > this.bytes.byteLength) {
      throw new Error(`model is truncated or corrupt: ${what} needs bytes ${at}..${at + n} but the model has ${this.bytes.byteLength}`);
    }
  }
  i32(at: number, what: string): number {
    this.need(at, 4, what);
    return this.view.getInt32(at, true);
  }
  u32(at: number, what: string): number {
    this.need(at, 4, what);
    return this.view.getUint32(at, true);
  }
  f32(at: number, what: string): number {
    this.need(at, 4, what);
    return this.view.getFloat32(at, true);
  }
  u64(at: number, what: string): number {
    this.need(at, 8, what);
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(this.bytes.byteLength)) throw new Error(`model is corrupt: ${what} claims ${value} items`);
    return Number(value);
  }
  /** A length-prefixed string and the offset after it. */
  str(at: number, what: string): [string, number] {
    const n = this.u64(at, what);
    this.need(at + 8, n, what);
    return [new TextDecoder().decode(this.bytes.subarray(at + 8, at + 8 + n)), at + 8 + n];
  }
}

function scanTrees(r: ByteReader, at: number, count: number): [TreeSpan[], number] {
  const trees: TreeSpan[] = [];
  for (let t = 0; t < count; t++) {
    const what = `tree ${t}`;
    const numNodes = r.i32(at + 4, `${what} num_nodes`);
    const numDeleted = r.i32(at + 8, `${what} num_deleted`);
    const leafVector = r.i32(at + 20, `${what} size_leaf_vector`);
    if (numNodes < 1) throw new Error(`model is corrupt: ${what} has ${numNodes} nodes`);
    if (leafVector !== 0) throw new Error(`unsupported model: ${what} has leaf vectors (size_leaf_vector ${leafVector})`);
    const nodesAt = at + TREE_PARAM_BYTES;
    const statsAt = nodesAt + NODE_BYTES * numNodes;
    const end = statsAt + NODE_STAT_BYTES * numNodes;
    r.need(at, end - at, what);
    trees.push({ start: at, nodesAt, statsAt, end, numNodes, numDeleted });
    at = end;
  }
  return [trees, at];
}

/** Reads the headers of a 0.72 binary model and locates every part; throws on anything inconsistent. */
export function scanModel(bytes: Uint8Array): ModelLayout {
  const r = new ByteReader(bytes);
  let at = 0;
  if (bytes.byteLength >= 4 && String.fromCharCode(...bytes.subarray(0, 4)) === 'binf') at = 4;
  if (bytes.byteLength >= 4 && String.fromCharCode(...bytes.subarray(0, 4)) === 'bs64') throw new Error('unsupported model: base64 models are not read');
  const baseScoreStored = r.f32(at, 'base_score');
  const numFeature = r.u32(at + 4, 'num_feature');
  const numClass = r.i32(at + 8, 'num_class');
  r.need(at, LEARNER_PARAM_BYTES, 'LearnerModelParam');
  at += LEARNER_PARAM_BYTES;
  const [objective, afterObj] = r.str(at, 'objective name');
  const [booster, boosterAt] = r.str(afterObj, 'booster name');
  const layout: ModelLayout = {
    baseScoreStored, numFeature, numClass, objective, booster, boosterAt,
    trees: [], numOutputGroup: 1, treeInfoAt: -1, weightsAt: -1, weightCount: 0, boosterEnd: boosterAt,
  };
  if (booster === 'gbtree') {
    const numTrees = r.i32(boosterAt + GBTREE_NUM_TREES_AT, 'num_trees');
    layout.numOutputGroup = r.i32(boosterAt + 24, 'num_output_group');
    r.need(boosterAt, GBTREE_PARAM_BYTES, 'GBTreeModelParam');
    if (numTrees < 0) throw new Error(`model is corrupt: num_trees is ${numTrees}`);
    const [trees, treeInfoAt] = scanTrees(r, boosterAt + GBTREE_PARAM_BYTES, numTrees);
    r.need(treeInfoAt, 4 * numTrees, 'tree_info');
    layout.trees = trees;
    layout.treeInfoAt = treeInfoAt;
    layout.boosterEnd = treeInfoAt + 4 * numTrees;
  } else if (booster === 'gblinear') {
    r.need(boosterAt, GBLINEAR_PARAM_BYTES, 'GBLinearModelParam');
    layout.numOutputGroup = r.i32(boosterAt + 4, 'num_output_group');
    const countAt = boosterAt + GBLINEAR_PARAM_BYTES;
    layout.weightCount = r.u64(countAt, 'weight count');
    layout.weightsAt = countAt + 8;
    r.need(layout.weightsAt, 4 * layout.weightCount, 'weights');
    layout.boosterEnd = layout.weightsAt + 4 * layout.weightCount;
  } else {
    throw new Error(`unsupported model: booster "${booster}"`);
  }
  return layout;
}
