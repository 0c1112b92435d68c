/** Smallest table: slots for this many entries before the first growth. */
const INITIAL_ENTRIES = 1 << 14;
/** Largest table made up front, whatever the estimate (it grows past it as needed). */
const MAX_PRESIZED_ENTRIES = 1 << 22;

/**
 * The appointment ids met so far in a file, each with the row it was last met
 * on and a number the caller keeps with it (its payload). Ids are kept as ranges of the texts that carried them (a batch's ids joined
 * by '\n') and found through an open-addressing table of their 32-bit hashes, so
 * the million ids of a large file cost a few typed arrays instead of a Map entry
 * and a string each; Map lookups on that many fresh strings were most of the
 * import's main-thread time.
 */
export class IdRegistry {
  private readonly texts: string[] = [];
  /** Per entry: index into texts, start and end of the id in it, and the row. */
  private text: Int32Array;
  private start: Int32Array;
  private end: Int32Array;
  private row: Int32Array;
  private payload: Float64Array;
  private size = 0;
  /** After `note` found an id again: the payload it had until then. */
  earlierPayload = 0;
  /** Pairs (hash, entry + 1); entry 0 marks a free slot. Twice as many slots as entries fit. */
  private table: Int32Array;
  private mask: number;

  /** A registry sized for about `expected` ids, so that a large file does not rebuild its table again and again. */
  constructor(expected = 0) {
    let entries = INITIAL_ENTRIES;
    while (entries < Math.min(expected, MAX_PRESIZED_ENTRIES)) entries *= 2;
    this.text = new Int32Array(entries);
    this.start = new Int32Array(entries);
    this.end = new Int32Array(entries);
    this.row = new Int32Array(entries);
    this.payload = new Float64Array(entries);
    this.table = new Int32Array(4 * entries);
    this.mask = 2 * entries - 1;
  }

  /** Keep `text` so the ids in it can be noted; returns its handle for `note`. */
  addText(text: string): number {
    this.texts.push(text);
    return this.texts.length - 1;
  }

  /**
   * Note the id in chars [from, to) of text `handle`, met at `row` with `payload`.
   * Returns the row it was last met on before, or -1; when met before, its payload
   * until then is left in `earlierPayload` and the id is remembered at `row`.
   */
  note(handle: number, from: number, to: number, row: number, payload = 0): number {
    const text = this.texts[handle];
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const table = this.table;
    const mask = this.mask;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot + 1] - 1;
      if (entry < 0) {
        this.add(slot, h, handle, from, to, row, payload);
        return -1;
      }
      if (table[2 * slot] === h && this.sameId(entry, text, from, to)) {
        const earlier = this.row[entry];
        this.row[entry] = row;
        this.earlierPayload = this.payload[entry];
        this.payload[entry] = payload;
        return earlier;
      }
    }
  }

  private sameId(entry: number, text: string, from: number, to: number): boolean {
    const other = this.texts[this.text[entry]];
    const at = this.start[entry];
    if (this.end[entry] - at !== to - from) return false;
    for (let i = 0; i < to - from; i++) if (other.charCodeAt(at + i) !== text.charCodeAt(from + i)) return false;
    return true;
  }

  private add(slot: number, h: number, handle: number, from: number, to: number, row: number, payload: number): void {
    const entry = this.size++;
    if (entry === this.row.length) this.growEntries();
    this.text[entry] = handle;
    this.start[entry] = from;
    this.end[entry] = to;
    this.row[entry] = row;
    this.payload[entry] = payload;
    this.table[2 * slot] = h;
    this.table[2 * slot + 1] = entry + 1;
    if (this.size * 2 > this.mask + 1) this.growTable();
  }

  private growEntries(): void {
    const grow = <A extends Int32Array | Float64Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(a.length * 2);
      b.set(a);
      return b;
    };
    this.text = grow(this.text);
    this.start = grow(this.start);
    this.end = grow(this.end);
    this.row = grow(this.row);
    this.payload = grow(this.payload);
  }

  private growTable(): void {
    const old = this.table;
    const slots = 2 * (this.mask + 1);
    const table = new Int32Array(2 * slots);
    const mask = slots - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = old[s] & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[s];
      table[2 * slot + 1] = old[s + 1];
    }
    this.table = table;
    this.mask = mask;
  }
}
