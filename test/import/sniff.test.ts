import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding, looksBinary } from '../../core/import/index.ts';

describe('file sniffing', () => {
  it('detects the encoding: BOM, strict UTF-8 (a character cut at the end allowed), else Windows-1252', () => {
    expect(detectEncoding(Buffer.from('\ufeffa,b\n', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('Zoë,£5\n', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('Zoë,£5\n', 'utf8').subarray(0, 3))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('Zoë,£5\n', 'latin1'))).toBe('windows-1252');
  });

  it('detects the delimiter from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"x,y,z"|b|c\r\n1,2,3,4')).toBe('|');
    expect(detectDelimiter('a;b;"c,d"')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('tells binary data from text', () => {
    expect(looksBinary(Buffer.from('a,b\r\n1,2\n'))).toBe(false);
    expect(looksBinary(Buffer.from('Zoë £5', 'latin1'))).toBe(false);
    expect(looksBinary(Buffer.from([65, 0, 66]))).toBe(true);
    expect(looksBinary(Buffer.from('ab\x01\x02\x03cdefghijklmnopqrstuvwxyz'))).toBe(true);
  });
});
