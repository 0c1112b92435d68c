import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILDER_CONFIG, electronBinaryProblem, electronBuilderArgs } from '../../build/dist.mjs';
import { parseMiniYaml } from './helpers/mini-yaml.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
type Dict = Record<string, unknown>;
const config = parseMiniYaml(readFileSync(join(root, BUILDER_CONFIG), 'utf8')) as Dict;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
const section = (name: string) => config[name] as Dict;
const targets = (platform: string) => (section(platform).target as Array<string | Dict>).map((t) => (typeof t === 'string' ? t : t.target));

describe('the YAML reader used here', () => {
  it('reads maps, lists of maps, inline lists, quotes and comments', () => {
    const text = ['a: 1 # one', 'b:', '  - x', '  - "y # not a comment"', 'c:', '  - target: nsis', '    arch: [x64, arm64]', 'd: true', 'e:'].join('\n');
    expect(parseMiniYaml(text)).toEqual({ a: 1, b: ['x', 'y # not a comment'], c: [{ target: 'nsis', arch: ['x64', 'arm64'] }], d: true, e: null });
  });

  it('refuses what it does not understand, naming the line', () => {
    expect(() => parseMiniYaml('a: 1\n  b: 2')).toThrow('line 2: unexpected indentation');
    expect(() => parseMiniYaml('a: 1\na: 2')).toThrow('line 2: duplicate key a');
  });
});

describe('build/electron-builder.yml', () => {
  it('names the app and writes installers to out/', () => {
    expect(config.appId).toBe('uk.nhs.attend');
    expect(config.productName).toBe('Attend');
    expect(section('directories')).toEqual({ output: 'out', buildResources: 'build' });
  });

  it('packs the built bundles, the renderer and package.json, without source maps, starting main.cjs', () => {
    expect(config.files).toEqual(['package.json', 'electron/dist/**', 'renderer/dist/**', 'core/**', '!**/*.map']);
    expect(section('extraMetadata').main).toBe('electron/dist/main.cjs');
    expect(pkg.main).toBe('electron/dist/main.cjs');
  });

  it('keeps every file on disk (no asar) so workers, sqlite3, the .wasm and esbuild load as in development', () => {
    expect(config.asar).toBe(false);
    expect(config.npmRebuild).toBe(true);
  });

  it('builds a per-user Windows NSIS installer that never asks for admin rights', () => {
    expect(section('win').target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(section('win').requestedExecutionLevel).toBe('asInvoker');
    const nsis = section('nsis');
    expect(nsis.perMachine).toBe(false);
    // One-click: with oneClick false and perMachine false NSIS would offer an "all users" page.
    expect(nsis.oneClick).toBe(true);
    expect(nsis.allowElevation).toBe(false);
    expect(nsis.packElevateHelper).toBe(false);
    expect(nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('builds a macOS dmg and Linux AppImage and deb', () => {
    expect(targets('mac')).toEqual(['dmg']);
    expect(section('mac').category).toBe('public.app-category.medical');
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    // deb needs a maintainer; package.json has no author to default from.
    expect(section('linux').maintainer).toBe('Attend contributors');
  });
});

describe('npm run dist', () => {
  it('is build/dist.mjs', () => {
    expect(pkg.scripts.dist).toBe('node build/dist.mjs');
  });

  it('explains a missing Electron binary', () => {
    const thrown = electronBinaryProblem(() => {
      throw new Error('Electron failed to install correctly');
    });
    expect(thrown).toMatch(/^npm run dist: the Electron binary is not installed/);
    expect(thrown).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
    expect(thrown).toContain('(Electron failed to install correctly)');
    expect(electronBinaryProblem(() => join(tmpdir(), 'no-such-electron'))).toContain(`(no binary at ${join(tmpdir(), 'no-such-electron')})`);
    const fake = join(mkdtempSync(join(tmpdir(), 'attend-electron-')), 'electron');
    writeFileSync(fake, '');
    expect(electronBinaryProblem(() => fake)).toBeNull();
  });

  it('passes the config, never publishes, and packs this platform from the installed Electron', () => {
    expect(electronBuilderArgs([], '/e/dist')).toEqual(['--config', 'build/electron-builder.yml', '--publish', 'never', '--config.electronDist=/e/dist']);
    expect(electronBuilderArgs(['--dir'], '/e/dist')).toEqual(['--config', 'build/electron-builder.yml', '--publish', 'never', '--config.electronDist=/e/dist', '--dir']);
    // Another platform or architecture needs electron-builder's own download of Electron.
    expect(electronBuilderArgs(['--win'], '/e/dist')).toEqual(['--config', 'build/electron-builder.yml', '--publish', 'never', '--win']);
    expect(electronBuilderArgs(['--linux', '--arm64'], '/e/dist')).toEqual(['--config', 'build/electron-builder.yml', '--publish', 'never', '--linux', '--arm64']);
    expect(electronBuilderArgs([], null)).toEqual(['--config', 'build/electron-builder.yml', '--publish', 'never']);
  });

  // Only meaningful where the binary is missing (as on CI); elsewhere this would start a real build.
  it.skipIf(electronBinaryProblem() === null)('stops before building anything when the binary is missing', () => {
    const run = spawnSync(process.execPath, [join(root, 'build', 'dist.mjs')], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^npm run dist: the Electron binary is not installed/);
    expect(run.stderr).not.toContain('building the renderer');
  });
});
