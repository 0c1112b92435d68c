#!/usr/bin/env node
// `npm start`: build the renderer and the Electron bundle, make sure the demo
// workspace exists, then open the desktop app, or the browser mode when the
// Electron binary is not installed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { buildElectron } from './build-electron.mjs';

register();
const host = await import('../core/host/index.ts');
const root = fileURLToPath(new URL('..', import.meta.url));

/** Path of the Electron binary, or null when only the npm package (no binary) is installed. */
function electronBinary() {
  try {
    // From CommonJS, require('electron') is the path of the binary; it throws when
    // the download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD).
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

process.stderr.write('building the renderer...\n');
await host.buildRenderer();
process.stderr.write('building the Electron bundle...\n');
await buildElectron({ quiet: true });

const workspace = host.defaultWorkspacePath();
if (!existsSync(workspace)) process.stderr.write(`creating the demo workspace ${workspace} (150,000 synthetic appointments)...\n`);
await host.ensureDemoWorkspace(workspace);

const electron = electronBinary();
if (electron) {
  const child = spawn(electron, [root], { stdio: 'inherit', env: { ...process.env, ATTEND_WORKSPACE: workspace } });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write('The Electron binary is not installed (npm install without ELECTRON_SKIP_BINARY_DOWNLOAD adds it); starting the browser mode instead.\n');
  const { main } = await import('../core/cli/main.ts');
  process.exitCode = await main(['serve', '--workspace', workspace, ...process.argv.slice(2)]);
}
