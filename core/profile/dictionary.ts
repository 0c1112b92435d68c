/** Interns values (labels, month numbers) to small integer codes so a million rows hold small numbers. */
export class Dictionary<K> {
  private readonly codes = new Map<K, number>();
  readonly keys: K[] = [];

  /** The code of a value, adding it when new. */
  code(key: K): number {
    let c = this.codes.get(key);
    if (c === undefined) {
      c = this.keys.length;
      this.codes.set(key, c);
      this.keys.push(key);
    }
    return c;
  }
}
