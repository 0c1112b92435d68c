import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { ensureDemoWorkspace } from '../core/host/demo-workspace.ts';
import { createHostSession } from '../core/host/host-session.ts';
import { defaultWorkspacePath } from '../core/host/workspace-paths.ts';
import { APP_ENTRY, registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { registerIpc } from './ipc-handlers.ts';
import { hardenAllContents, hardenSession } from './security.ts';

// Bundled to electron/dist/main.cjs, so __dirname is electron/dist.
const RENDERER_DIST = join(__dirname, '..', '..', 'renderer', 'dist');
const PRELOAD = join(__dirname, 'preload.cjs');

registerAppScheme();
hardenAllContents();
app.enableSandbox();

// The core runs in this process for now. A later issue moves it into a
// utility process (utilityProcess.fork) that owns the HostSession; the IPC
// handlers then forward to it instead of calling dispatch here.
async function start(): Promise<void> {
  const workspacePath = process.env.ATTEND_WORKSPACE || defaultWorkspacePath();
  if (!process.env.ATTEND_WORKSPACE) await ensureDemoWorkspace(workspacePath);
  const session = createHostSession(workspacePath);
  const unregister = registerIpc(session);
  hardenSession();
  serveAppProtocol(RENDERER_DIST);

  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title: 'Attend',
    backgroundColor: '#f0f4f5',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_ENTRY);

  app.on('window-all-closed', () => {
    unregister();
    void session.close().finally(() => app.quit());
  });
}

app
  .whenReady()
  .then(start)
  .catch((err: unknown) => {
    console.error('Attend could not start:', err);
    app.exit(1);
  });
