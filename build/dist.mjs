#!/usr/bin/env node
// `npm run dist [-- electron-builder options]`: build the renderer and the
// Electron bundles, then package the desktop app with electron-builder using
// build/electron-builder.yml. Installers land in out/.
//   npm run dist                  this machine's platform (NSIS / dmg / AppImage+deb)
//   npm run dist -- --win         Windows NSIS installer (per user, no admin rights)
//   npm run dist -- --mac         macOS dmg
//   npm run dist -- --linux       Linux AppImage and deb
//   npm run dist -- --dir         unpacked app only (quick check, no installer)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The electron-builder configuration this script uses. */
export const BUILDER_CONFIG = 'build/electron-builder.yml';

const PLATFORM_FLAGS = ['--win', '--windows', '-w', '--mac', '--macos', '-m', '-o', '--linux', '-l'];
const ARCH_FLAGS = ['--x64', '--ia32', '--armv7l', '--arm64', '--universal'];

/**
 * Why packaging cannot start, or null when it can: the Electron binary must be
 * installed (an install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 has only the npm
 * package). `resolve` returns the binary's path or throws, as require('electron') does.
 */
export function electronBinaryProblem(resolve = () => require('electron')) {
  let path;
  try {
    path = resolve();
  } catch (err) {
    return missingMessage(err instanceof Error ? err.message : String(err));
  }
  if (typeof path !== 'string' || !existsSync(path)) return missingMessage(`no binary at ${String(path)}`);
  return null;
}

function missingMessage(detail) {
  return [
    'npm run dist: the Electron binary is not installed, so the desktop app cannot be packaged.',
    `(${detail})`,
    'This happens when dependencies were installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1.',
    'Install it with `npm rebuild electron` (or `node node_modules/electron/install.js`) on a machine',
    'with internet access, then run `npm run dist` again. The browser mode (`npm start`) needs no binary.',
  ].join('\n');
}

/**
 * The electron-builder command line for the user's options. With no platform
 * or architecture option the app is built for this machine from the installed
 * Electron (electronDist), so no second copy of Electron is downloaded.
 */
export function electronBuilderArgs(userArgs, electronDistDir) {
  const args = ['--config', BUILDER_CONFIG, '--publish', 'never'];
  const targetsOther = userArgs.some((a) => PLATFORM_FLAGS.includes(a) || ARCH_FLAGS.includes(a));
  if (!targetsOther && electronDistDir) args.push(`--config.electronDist=${electronDistDir}`);
  return [...args, ...userArgs];
}

async function main() {
  const problem = electronBinaryProblem();
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  const { register } = await import('tsx/esm/api');
  register();
  const { buildRenderer } = await import('../core/host/index.ts');
  const { buildElectron } = await import('../scripts/build-electron.mjs');
  process.stderr.write('building the renderer...\n');
  await buildRenderer();
  process.stderr.write('building the Electron bundles...\n');
  await buildElectron({ quiet: true });

  const electronDist = join(dirname(require.resolve('electron/package.json')), 'dist');
  const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  const args = electronBuilderArgs(process.argv.slice(2), existsSync(electronDist) ? electronDist : null);
  process.stderr.write(`electron-builder ${args.join(' ')}\n`);
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
