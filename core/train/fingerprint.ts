import { createHash } from 'node:crypto';
import type { FeatureMatrix } from '../features/index.ts';

/**
 * Content hash of the data a model was trained and evaluated on: the encoded
 * matrix, labels and appointment ids. Equal fingerprints mean the same rows
 * with the same values, whatever the workspace file.
 */
export function matrixFingerprint(m: FeatureMatrix): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(m.columns));
  h.update(new Uint8Array(m.x.buffer, m.x.byteOffset, m.x.byteLength));
  if (m.y) h.update(new Uint8Array(m.y.buffer, m.y.byteOffset, m.y.byteLength));
  for (const id of m.appointmentIds) h.update(id + '\n');
  return `sha256:${h.digest('hex')}`;
}
