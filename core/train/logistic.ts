/**
 * The logistic-regression baseline: L2-penalised maximum likelihood by Newton's
 * method (IRLS) on standardised features. Missing values (-1) are imputed with
 * the training mean and flagged by an indicator column, so the baseline sees
 * exactly the information the trees see.
 */

/** A fitted logistic model with the preprocessing it learned. */
export interface LogisticModel {
  kind: 'logistic';
  /** Per input column: training mean of present values (imputation and centring). */
  means: number[];
  /** Per input column: standard deviation of present values (1 when constant). */
  scales: number[];
  /** Input columns that get a missing-indicator term. */
  indicatorColumns: number[];
  /** Intercept first, then one weight per input column, then one per indicator. */
  coefficients: number[];
  iterations: number;
}

const MISSING = -1;

/** Options of the fit; defaults suit hundreds of thousands of rows and a few dozen columns. */
export interface LogisticOptions {
  /** L2 penalty on the (standardised) weights, not the intercept. Default 1. */
  l2?: number;
  /** Newton steps at most. Default 50. */
  maxIterations?: number;
  /** Stop when no coefficient moves more than this. Default 1e-8. */
  tolerance?: number;
}

function design(model: Pick<LogisticModel, 'means' | 'scales' | 'indicatorColumns'>, x: Float32Array, r: number, cols: number, out: Float64Array): void {
  out[0] = 1;
  for (let c = 0; c < cols; c++) {
    const v = x[r * cols + c];
    out[1 + c] = v === MISSING ? 0 : (v - model.means[c]) / model.scales[c];
  }
  for (let k = 0; k < model.indicatorColumns.length; k++) out[1 + cols + k] = x[r * cols + model.indicatorColumns[k]] === MISSING ? 1 : 0;
}

/** Solve A b = g in place for symmetric positive definite A (Cholesky); returns b. */
function solveSpd(a: Float64Array, g: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      if (i === j) {
        if (s <= 0) throw new Error('logistic baseline: the information matrix is not positive definite');
        l[i * p + i] = Math.sqrt(s);
      } else l[i * p + j] = s / l[j * p + j];
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = g[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * z[k];
    z[i] = s / l[i * p + i];
  }
  const b = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * b[k];
    b[i] = s / l[i * p + i];
  }
  return b;
}

/** Fit the baseline on a row-major matrix (missing = -1) and 0/1 labels. */
export function fitLogistic(x: Float32Array, y: Float32Array, rows: number, cols: number, opts: LogisticOptions = {}): LogisticModel {
  const l2 = opts.l2 ?? 1;
  const maxIterations = opts.maxIterations ?? 50;
  const tolerance = opts.tolerance ?? 1e-8;
  if (rows === 0) throw new Error('logistic baseline: no rows');
  const sum = new Float64Array(cols);
  const sumSq = new Float64Array(cols);
  const present = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = x[r * cols + c];
      if (v === MISSING) continue;
      sum[c] += v;
      sumSq[c] += v * v;
      present[c]++;
    }
  }
  const means: number[] = [];
  const scales: number[] = [];
  const indicatorColumns: number[] = [];
  for (let c = 0; c < cols; c++) {
    const mean = present[c] > 0 ? sum[c] / present[c] : 0;
    const variance = present[c] > 0 ? sumSq[c] / present[c] - mean * mean : 0;
    means.push(mean);
    scales.push(variance > 1e-12 ? Math.sqrt(variance) : 1);
    if (present[c] < rows && present[c] > 0) indicatorColumns.push(c);
  }
  const shape = { means, scales, indicatorColumns };
  const p = 1 + cols + indicatorColumns.length;
  let beta = new Float64Array(p);
  // Start at the base rate so the first step is small.
  let positives = 0;
  for (let r = 0; r < rows; r++) positives += y[r];
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / rows));
  beta[0] = Math.log(rate / (1 - rate));
  const row = new Float64Array(p);
  /** Negative penalised log-likelihood at coefficients b. */
  const objective = (b: Float64Array): number => {
    let nll = 0;
    for (let r = 0; r < rows; r++) {
      design(shape, x, r, cols, row);
      let eta = 0;
      for (let j = 0; j < p; j++) eta += b[j] * row[j];
      // log(1 + e^eta) - y*eta, stable for large |eta|.
      nll += (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - y[r] * eta;
    }
    let penalty = 0;
    for (let j = 1; j < p; j++) penalty += b[j] * b[j];
    return nll + (l2 / 2) * penalty;
  };
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const hessian = new Float64Array(p * p);
    const gradient = new Float64Array(p);
    for (let r = 0; r < rows; r++) {
      design(shape, x, r, cols, row);
      let eta = 0;
      for (let j = 0; j < p; j++) eta += beta[j] * row[j];
      const mu = 1 / (1 + Math.exp(-eta));
      const w = mu * (1 - mu);
      const resid = y[r] - mu;
      for (let i = 0; i < p; i++) {
        const wi = w * row[i];
        if (row[i] === 0) continue;
        gradient[i] += resid * row[i];
        for (let j = 0; j <= i; j++) hessian[i * p + j] += wi * row[j];
      }
    }
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < i; j++) hessian[j * p + i] = hessian[i * p + j];
      if (i > 0) {
        hessian[i * p + i] += l2;
        gradient[i] -= l2 * beta[i];
      }
    }
    const step = solveSpd(hessian, gradient, p);
    // Newton's full step can overshoot when features are nearly collinear
    // (e.g. a prior DNA rate and its missing indicator): halve it until the
    // penalised likelihood improves.
    const current = objective(beta);
    let scale = 1;
    let next = new Float64Array(p);
    for (let halvings = 0; halvings < 40; halvings++, scale /= 2) {
      for (let j = 0; j < p; j++) next[j] = beta[j] + scale * step[j];
      if (objective(next) <= current + 1e-12 * Math.abs(current)) break;
    }
    let moved = 0;
    for (let j = 0; j < p; j++) moved = Math.max(moved, Math.abs(next[j] - beta[j]));
    beta = next;
    next = new Float64Array(p);
    if (moved < tolerance) {
      iterations++;
      break;
    }
  }
  return { kind: 'logistic', means, scales, indicatorColumns, coefficients: Array.from(beta), iterations };
}

/** Probabilities of DNA under a fitted baseline. */
export function predictLogistic(model: LogisticModel, x: Float32Array, rows: number, cols: number): Float64Array {
  if (model.means.length !== cols) throw new Error(`logistic baseline expects ${model.means.length} columns, got ${cols}`);
  const p = model.coefficients.length;
  const row = new Float64Array(p);
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    design(model, x, r, cols, row);
    let eta = 0;
    for (let j = 0; j < p; j++) eta += model.coefficients[j] * row[j];
    out[r] = 1 / (1 + Math.exp(-eta));
  }
  return out;
}
