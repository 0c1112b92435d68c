import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, utilityProcess } from 'electron';
import { defaultWorkspacePath } from '../core/host/workspace-paths.ts';
import { APP_ENTRY, registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { forkCoreProcess } from './core-process.ts';
import { createCoreRelay } from './core-relay.ts';
import { registerIpc } from './ipc-handlers.ts';
import { hardenAllContents, hardenSession, mainWindowOptions } from './security.ts';

// Bundled to electron/dist/main.cjs, so __dirname is electron/dist (see scripts/build-electron.mjs).
const RENDERER_DIST = join(__dirname, '..', '..', 'renderer', 'dist');
const PRELOAD = join(__dirname, 'preload.cjs');
const CORE_HOST = join(__dirname, 'core-host.cjs');

registerAppScheme(protocol);
hardenAllContents(app);
app.enableSandbox();

/** Start the core process and open the window. */
async function start(): Promise<void> {
  const explicit = process.env.ATTEND_WORKSPACE;
  const relay = createCoreRelay(
    () =>
      forkCoreProcess(utilityProcess.fork, {
        hostPath: CORE_HOST,
        workspacePath: explicit || defaultWorkspacePath(),
        demo: !explicit,
      }),
    { onCrash: (message) => console.error(`Attend: ${message}`) },
  );
  relay.warmUp();
  hardenSession(session.defaultSession);
  serveAppProtocol(protocol, RENDERER_DIST);

  const win = new BrowserWindow(mainWindowOptions(PRELOAD));
  const unregister = registerIpc({
    ipcMain,
    relay,
    isOurContents: (contents) => !win.isDestroyed() && contents.id === win.webContents.id,
    pickFile: async (_sender, kind) => {
      const picked = await dialog.showOpenDialog(win, {
        title: kind === 'bundle' ? 'Choose a model bundle' : 'Choose an appointment extract',
        properties: ['openFile'],
        filters: [
          kind === 'bundle' ? { name: 'Model bundles', extensions: ['zip'] } : { name: 'Extracts', extensions: ['csv', 'txt', 'tsv', 'psv'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
  });
  win.once('ready-to-show', () => win.show());

  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    unregister();
    void relay.close().finally(() => app.quit());
  });
  await win.loadURL(APP_ENTRY);
}

// Two instances would run two cores on one workspace: the second one hands over to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('Attend could not start:', err);
      app.exit(1);
    });
}
