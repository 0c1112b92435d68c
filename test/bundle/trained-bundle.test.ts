import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBundlePipeline } from '../../core/bundle/bundle-pipeline.ts';
import { trainedBundle, type TrainedBundle } from './helpers/trained-bundle.ts';

let b: TrainedBundle;
beforeAll(async () => {
  b = await trainedBundle();
}, 120_000);
afterAll(async () => b?.ws.close());

describe('bundle pipeline.json', () => {
  it('round-trips through its parser and scores every imported appointment', () => {
    const parsed = parseBundlePipeline(JSON.parse(readFileSync(join(b.bundleDir, 'pipeline.json'), 'utf8')));
    expect(parsed).toEqual(b.pipeline);
    expect(parsed.calibration?.method).toBe('platt');
    expect(b.appScores.size).toBe(b.matrix.rows);
    for (const p of b.appScores.values()) expect(p > 0 && p < 1).toBe(true);
  });
  it('names the field that is wrong', () => {
    expect(() => parseBundlePipeline({ ...b.pipeline, version: 2 })).toThrow('pipeline.json: version must be 1, got 2');
    expect(() => parseBundlePipeline({ ...b.pipeline, outcome: { dnaCodes: [] } })).toThrow('outcome.dnaCodes');
    expect(() => parseBundlePipeline({ ...b.pipeline, features: { ...b.pipeline.features, specHash: 'x' } })).toThrow('pipeline.json: features: feature pipeline: specHash');
    expect(() => parseBundlePipeline({ ...b.pipeline, calibration: { method: 'platt', a: 'x', b: 1 } })).toThrow('pipeline.json: calibration.a');
  });
});
