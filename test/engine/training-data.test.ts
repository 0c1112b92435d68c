import { describe, expect, it } from 'vitest';
import { checkMatrix, checkTrainingData } from '../../core/engine/index.ts';

const x = new Float32Array([1, 2, -1, 4, 5, 6]);

describe('checkMatrix', () => {
  it('accepts a finite matrix with -1 for missing', () => {
    expect(() => checkMatrix(x, 3, 2)).not.toThrow();
  });
  it('names the row and column of the first NaN', () => {
    const bad = x.slice();
    bad[3] = Number.NaN;
    bad[5] = Number.NaN;
    expect(() => checkMatrix(bad, 3, 2)).toThrow('x has NaN at row 1, column 1: encode missing values as -1');
  });
  it('names the row and column of an infinity', () => {
    const bad = x.slice();
    bad[4] = -Infinity;
    expect(() => checkMatrix(bad, 3, 2)).toThrow('x has -Infinity at row 2, column 0');
  });
  it('refuses a shape that does not match', () => {
    expect(() => checkMatrix(x, 2, 2)).toThrow('x has 6 values but rows * cols = 4');
    expect(() => checkMatrix(x, 0, 6)).toThrow('rows must be a positive whole number, got 0');
  });
});

describe('checkTrainingData', () => {
  it('names the row of a label that is not 0 or 1', () => {
    expect(() => checkTrainingData({ x, y: new Float32Array([0, 0.5, 1]), rows: 3, cols: 2 })).toThrow('y has 0.5 at row 1: labels must be 0 or 1');
  });
  it('refuses a label count that does not match the rows', () => {
    expect(() => checkTrainingData({ x, y: new Float32Array([0, 1]), rows: 3, cols: 2 })).toThrow('y has 2 labels but there are 3 rows');
  });
  it('refuses a single class', () => {
    expect(() => checkTrainingData({ x, y: new Float32Array([0, 0, 0]), rows: 3, cols: 2 })).toThrow('y must contain both classes (found 0 positives in 3 rows)');
  });
});
