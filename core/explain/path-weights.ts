/**
 * The "unique path" bookkeeping of path-dependent TreeSHAP (Lundberg et al.
 * 2018, Algorithm 2). A path is a run of elements in shared scratch arrays:
 * the feature split on, the fraction of background (cover) flowing through
 * ("zero"), whether the explained row flows through ("one"), and a weight per
 * subset size, so that weight[i] is the summed Shapley subset weight of all
 * subsets of size i of the features on the path.
 */

/** Scratch storage for the paths of one tree walk; a path occupies [start, start + length). */
export interface PathScratch {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

/** Scratch arrays able to hold `size` path elements. */
export function pathScratch(size: number): PathScratch {
  return { feature: new Int32Array(size), zero: new Float64Array(size), one: new Float64Array(size), weight: new Float64Array(size) };
}

/** EXTEND: appends an element (feature, zero, one) to the path of `length` elements at start, updating every subset weight. */
export function extendPath(p: PathScratch, start: number, length: number, zero: number, one: number, feature: number): void {
  const end = start + length;
  p.feature[end] = feature;
  p.zero[end] = zero;
  p.one[end] = one;
  p.weight[end] = length === 0 ? 1 : 0;
  const n = length + 1;
  const w = p.weight;
  // Each existing subset either leaves the new feature out (scaled by zero) or takes it in (moves up one size, scaled by one).
  for (let i = length - 1; i >= 0; i--) {
    w[start + i + 1] += (one * w[start + i] * (i + 1)) / n;
    w[start + i] = (zero * w[start + i] * (length - i)) / n;
  }
}

/** UNWIND: removes element k from the path of `length` elements at start, undoing its EXTEND on the weights. */
export function unwindPath(p: PathScratch, start: number, length: number, k: number): void {
  const last = length - 1;
  const one = p.one[start + k];
  const zero = p.zero[start + k];
  const w = p.weight;
  let carried = w[start + last];
  for (let i = last - 1; i >= 0; i--) {
    if (one !== 0) {
      const previous = w[start + i];
      w[start + i] = (carried * length) / ((i + 1) * one);
      carried = previous - (w[start + i] * zero * (last - i)) / length;
    } else {
      w[start + i] = (w[start + i] * length) / (zero * (last - i));
    }
  }
  for (let i = k; i < last; i++) {
    p.feature[start + i] = p.feature[start + i + 1];
    p.zero[start + i] = p.zero[start + i + 1];
    p.one[start + i] = p.one[start + i + 1];
  }
}

/** Sum of the weights the path would have after unwinding element k, leaving the path unchanged. */
export function unwoundWeightSum(p: PathScratch, start: number, length: number, k: number): number {
  const last = length - 1;
  const one = p.one[start + k];
  const zero = p.zero[start + k];
  const w = p.weight;
  let carried = w[start + last];
  let total = 0;
  for (let i = last - 1; i >= 0; i--) {
    if (one !== 0) {
      const undone = (carried * length) / ((i + 1) * one);
      total += undone;
      carried = w[start + i] - (undone * zero * (last - i)) / length;
    } else if (zero !== 0) {
      total += (w[start + i] * length) / (zero * (last - i));
    }
  }
  return total;
}
