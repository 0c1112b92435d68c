import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath, sanitiseFileName } from '../../core/host/index.ts';

const root = resolve('/srv/app');

describe('resolveStaticPath', () => {
  it('maps / to index.html and keeps files under the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });

  it('refuses anything that would leave the root', () => {
    for (const p of ['/../x', '/a/../../x', '/%2e%2e/x', '/a%2f..%2f..%2fx', '/..\\x', '/a%00.js', '/%E0%A4%A']) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });
});

describe('sanitiseFileName', () => {
  it('keeps the last path segment in plain characters', () => {
    expect(sanitiseFileName('C:\\Users\\me\\extract 2024.csv')).toBe('extract 2024.csv');
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('..')).toBe('upload');
    expect(sanitiseFileName('.hidden')).toBe('hidden');
    expect(sanitiseFileName('<script>.csv')).toBe('_script_.csv');
    expect(sanitiseFileName(null)).toBe('upload');
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build produces', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a/x.bin')).toBe('application/octet-stream');
  });
});
