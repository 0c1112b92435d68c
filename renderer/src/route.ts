/** The app's screens in navigation order. */
export const SCREENS = [
  { id: 'data', label: 'Data' },
  { id: 'import', label: 'Import' },
  { id: 'train', label: 'Train and compare' },
  { id: 'evaluate', label: 'Evaluate' },
  { id: 'risk', label: 'Risk list' },
  { id: 'models', label: 'Models' },
] as const;

/** A screen id. */
export type ScreenId = (typeof SCREENS)[number]['id'];

/** The screen a location hash (`#/train`) names, or null for other hashes (such as the skip link's #main). */
export function screenOfHash(hash: string): ScreenId | null {
  const m = /^#\/([\w-]+)/.exec(hash);
  const found = m ? SCREENS.find((s) => s.id === m[1]) : undefined;
  return found ? found.id : null;
}

/** The hash of a screen. */
export const hashOf = (id: ScreenId) => `#/${id}`;
