import { COLOURS } from './palette.ts';

/** Legend entries in the text colour: series colours (light grey bars) are too pale for text. */
export function legendText(value: string) {
  return <span style={{ color: COLOURS.text }}>{value}</span>;
}
