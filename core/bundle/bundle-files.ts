/** The files a bundle holds: exactly these names, flat, nothing else. */
export const BUNDLE_FILES = [
  'manifest.json',
  'model.json',
  'pipeline.json',
  'score.mjs',
  'score.py',
  'score.sql',
  'MODEL_CARD.md',
  'model_card.html',
  'README.md',
] as const;
export type BundleFileName = (typeof BUNDLE_FILES)[number];

/** Every file but the manifest, which lists their hashes. */
export const HASHED_FILES = BUNDLE_FILES.filter((f) => f !== 'manifest.json');

/** Largest single file accepted when reading a bundle (a 2,000-tree model as JSON is about 40 MB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Largest bundle (zip or folder, all files) accepted. */
export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

/** True when the name is one of the bundle's files. */
export function isBundleFile(name: string): name is BundleFileName {
  return (BUNDLE_FILES as readonly string[]).includes(name);
}
