/** Chart colours: NHS blue for the main series, a dark pink for the overlay (with a dash pattern so colour is never the only cue). */
export const COLOURS = {
  main: '#005EB8',
  overlay: '#AE2573',
  reference: '#4C6272',
  grid: '#D8DDE0',
  text: '#212B32',
  attended: '#768692',
  dna: '#005EB8',
  treatAll: '#7C2855',
} as const;

/** Axis tick style shared by every chart. */
export const TICK = { fontSize: 12, fill: COLOURS.text } as const;

/** A fraction as a percentage tick. */
export const percentTick = (v: number) => `${Math.round(v * 100)}%`;
