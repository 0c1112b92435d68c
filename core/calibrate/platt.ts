/**
 * Platt scaling by maximum likelihood: a logistic regression of the outcome
 * on logit(p), fitted by Newton's method. Unlike sklearn's
 * CalibratedClassifierCV(method='sigmoid') it uses the raw 0/1 outcomes (no
 * Platt target smoothing) and the model's logit rather than a decision
 * function, so it equals sklearn's LogisticRegression(penalty=None) on
 * logit(p): p' = sigmoid(a + b * logit(p)), and a = 0, b = 1 is the identity.
 */
import { clippedLogit, type PlattCalibration } from './calibration.ts';

const MAX_ITERATIONS = 100;

function softplus(m: number): number {
  return m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
}

function negLogLikelihood(z: Float64Array, y: ArrayLike<number>, a: number, b: number): number {
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    const m = a + b * z[i];
    sum += softplus(m) - y[i] * m;
  }
  return sum;
}

/** Throws when no finite maximum-likelihood fit exists: constant scores, or outcomes (quasi-)separated by the score. */
function checkFittable(z: Float64Array, labels: ArrayLike<number>): void {
  let minPos = Infinity;
  let maxPos = -Infinity;
  let minNeg = Infinity;
  let maxNeg = -Infinity;
  for (let i = 0; i < z.length; i++) {
    if (labels[i] === 1) {
      minPos = Math.min(minPos, z[i]);
      maxPos = Math.max(maxPos, z[i]);
    } else {
      minNeg = Math.min(minNeg, z[i]);
      maxNeg = Math.max(maxNeg, z[i]);
    }
  }
  if (Math.min(minPos, minNeg) === Math.max(maxPos, maxNeg)) throw new Error('Platt scaling cannot be fitted: every probability in the calibration slice is the same');
  if (maxNeg <= minPos || maxPos <= minNeg) {
    throw new Error('Platt scaling cannot be fitted: the probabilities separate DNAs from attendances perfectly, so the slope would be infinite (use a larger calibration slice)');
  }
}

/** Platt parameters a, b maximising the likelihood of labels given logit(probabilities); inputs already checked. */
export function fitPlatt(labels: ArrayLike<number>, probabilities: ArrayLike<number>): PlattCalibration {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i];
  if (positives === 0 || positives === n) throw new Error('Platt scaling needs both outcomes (attended and DNA) in the calibration slice');
  const z = Float64Array.from({ length: n }, (_, i) => clippedLogit(probabilities[i]));
  checkFittable(z, labels);
  let a = 0;
  let b = 1;
  let loss = negLogLikelihood(z, labels, a, b);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let i = 0; i < n; i++) {
      const s = 1 / (1 + Math.exp(-(a + b * z[i])));
      const r = s - labels[i];
      const h = s * (1 - s);
      ga += r;
      gb += r * z[i];
      haa += h;
      hab += h * z[i];
      hbb += h * z[i] * z[i];
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 1e-12 * haa * hbb)) throw new Error('Platt scaling cannot be fitted: the Newton step is singular (probabilities nearly all the same?)');
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Halve the Newton step until the likelihood does not get worse (it rarely has to).
    let step = 1;
    let next = negLogLikelihood(z, labels, a - da, b - db);
    while (next > loss && step > 1e-10) {
      step /= 2;
      next = negLogLikelihood(z, labels, a - step * da, b - step * db);
    }
    a -= step * da;
    b -= step * db;
    loss = next;
    if (Math.abs(step * da) <= 1e-13 * (1 + Math.abs(a)) && Math.abs(step * db) <= 1e-13 * (1 + Math.abs(b))) return { method: 'platt', a, b };
  }
  throw new Error(`Platt scaling did not converge in ${MAX_ITERATIONS} Newton steps: the outcomes are nearly separated by the probabilities`);
}
