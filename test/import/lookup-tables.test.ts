import { describe, expect, it } from 'vitest';
import { cachedByNumber, codeKey, dateCellKey, digitsKey } from '../../core/import/cached.ts';
import { IdRegistry } from '../../core/import/id-registry.ts';
import { PatientKeys } from '../../core/import/patient-keys.ts';
import { keyedHash } from '../../core/import/pseudonym.ts';

describe('IdRegistry', () => {
  it('finds each id again by its text, across texts and table growth, with the row it was last met on', () => {
    const ids = new IdRegistry();
    const n = 50_000;
    const text = Array.from({ length: n }, (_, i) => `ID${i}`).join('\n');
    const handle = ids.addText(text);
    let from = 0;
    for (let i = 0; i < n; i++) {
      const to = text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from);
      expect(ids.note(handle, from, to, i + 1)).toBe(-1);
      from = to + 1;
    }
    const again = ids.addText('ID49999\nID7\nID7\nnew');
    expect(ids.note(again, 0, 7, 60_000)).toBe(50_000);
    expect(ids.note(again, 8, 11, 60_001)).toBe(8);
    expect(ids.note(again, 12, 15, 60_002)).toBe(60_001);
    expect(ids.note(again, 16, 19, 60_003)).toBe(-1);
    // Same length, same hash bucket or not: only equal text matches.
    expect(ids.note(ids.addText('ID8'), 0, 3, 1)).toBe(9);
    expect(ids.note(ids.addText('ID80'), 0, 4, 1)).toBe(81);
  });
});

describe('PatientKeys', () => {
  it('gives each key once, in byte order, whatever the batches repeat, and keys of another shape too', () => {
    const key = Buffer.alloc(32, 1);
    const hex = Array.from({ length: 3000 }, (_, i) => keyedHash(key, String(i % 1000)));
    const pack = (keys: string[], width: number) => Buffer.from(keys.map((k) => k.padEnd(width)).join(''), 'utf8');
    const keys = new PatientKeys();
    keys.note(pack(hex.slice(0, 1500), 32), 32, 0, 32, 1500);
    keys.note(pack(hex.slice(1500), 32), 32, 0, 32, 1500);
    // A batch whose key column is wider (a key of another shape in it) and sits after another column.
    const odd = ['zz-not-hex', hex[5], 'zz-not-hex'];
    const rows = Buffer.from(odd.map((k) => 'ab' + k.padEnd(40)).join(''), 'utf8');
    keys.note(rows, 42, 2, 40, 3);
    const out = keys.sorted();
    const written = out.flatMap((run) => {
      const [blob, stride, last, offset, width] = run.params as [Buffer, number, number, number, number];
      const n = (last - 1) / stride + 1;
      expect(run.fits === 'F' || run.fits === 'T').toBe(true);
      return Array.from({ length: n }, (_, r) => blob.toString('utf8', r * stride + offset, r * stride + offset + width).trimEnd());
    });
    const distinct = [...new Set(hex)].sort();
    expect(written.slice(0, 1000)).toEqual(distinct);
    expect(written.slice(1000)).toEqual([hex[5], 'zz-not-hex'].sort());
  });
});

describe('number keys for cached cells', () => {
  it('tell cells apart exactly and refuse shapes they do not cover', () => {
    expect(digitsKey('9434765919', 10)).toBe(9434765919);
    expect(digitsKey('943476591', 10)).toBe(-1);
    expect(digitsKey('94347659x9', 10)).toBe(-1);
    const dates = ['01/02/2024', '01-02-2024', '01.02.2024', '2024-01-02', '2024/01/02', '20240102xx'].map(dateCellKey);
    expect(dates.slice(0, 5).every((k) => k >= 0)).toBe(true);
    expect(new Set(dates.slice(0, 5)).size).toBe(5);
    expect(dates[5]).toBe(-1);
    expect(dateCellKey('1/2/2024')).toBe(-1);
    expect(codeKey('A')).not.toBe(codeKey('0A'));
    expect(codeKey('RXX6599485')).toBeGreaterThan(0);
    expect([codeKey('rxx1'), codeKey(''), codeKey('ABCDEFGHIJK')]).toEqual([-1, -1, -1]);
  });

  it('read each distinct cell once, cells without a number key included', () => {
    let reads = 0;
    const read = cachedByNumber(
      (raw) => digitsKey(raw, 3),
      (raw) => {
        reads++;
        return `<${raw}>`;
      },
    );
    const cells = ['123', '456', 'abc', '123', 'abc', '000', '456', '000'];
    expect(cells.map(read)).toEqual(cells.map((c) => `<${c}>`));
    expect(reads).toBe(4);
    // Enough keys to make the table grow several times.
    for (let i = 0; i < 5000; i++) read(String(i % 1000).padStart(3, '0'));
    expect(read('999')).toBe('<999>');
    expect(reads).toBe(4 + 997);
  });
});
